package dev.hype.runtime.testing;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Read the line information of a Lua 5.4 binary chunk ({@code string.dump} output) to find the
 * lines that hold code: the lines a line hook can report, across every nested function.
 *
 * <p>Follows the 5.4 dump format (lundump.c) and Lua's own valid-line rule (ldebug.c): a vararg
 * function's first instruction is skipped. The implicit return on a function's {@code end} line
 * is left out, as that line only runs when the function falls off its end.
 */
final class LuaBytecode {
    private static final int HEADER_BYTES = 4 + 1 + 1 + 6 + 3 + 8 + 8;
    private static final int ABSOLUTE_LINE = -0x80;

    private final byte[] data;
    private int pos;

    private LuaBytecode(byte[] data) {
        this.data = data;
    }

    /** Return the executable lines of every function in the chunk. */
    static SortedSet<Integer> activeLines(byte[] dump) {
        LuaBytecode reader = new LuaBytecode(dump);
        if (dump.length < HEADER_BYTES + 1 || dump[0] != 0x1b || dump[4] != 0x54) {
            throw new IllegalArgumentException("not a Lua 5.4 binary chunk");
        }
        reader.pos = HEADER_BYTES + 1; // header, then the main closure's upvalue count
        SortedSet<Integer> lines = new TreeSet<>();
        reader.function(lines);
        return lines;
    }

    private void function(SortedSet<Integer> lines) {
        string();
        int lineDefined = varint();
        varint(); // lastlinedefined
        pos++; // numparams
        boolean vararg = data[pos++] != 0;
        pos++; // maxstacksize
        int codeSize = varint();
        pos += codeSize * 4;
        constants();
        int upvalues = varint();
        pos += upvalues * 3;
        int protos = varint();
        for (int i = 0; i < protos; i++) {
            function(lines);
        }
        int lineInfoSize = varint();
        byte[] lineInfo = new byte[lineInfoSize];
        System.arraycopy(data, pos, lineInfo, 0, lineInfoSize);
        pos += lineInfoSize;
        int absCount = varint();
        int[] absPc = new int[absCount];
        int[] absLine = new int[absCount];
        for (int i = 0; i < absCount; i++) {
            absPc[i] = varint();
            absLine[i] = varint();
        }
        skipDebugNames();
        addLines(lines, lineDefined, vararg, lineInfo, absPc, absLine);
    }

    private static void addLines(SortedSet<Integer> lines, int lineDefined, boolean vararg, byte[] lineInfo,
                                 int[] absPc, int[] absLine) {
        int n = lineInfo.length;
        int[] lineOf = new int[n];
        int line = lineDefined;
        int abs = 0;
        for (int pc = 0; pc < n; pc++) {
            if (lineInfo[pc] == ABSOLUTE_LINE) {
                while (abs < absPc.length && absPc[abs] < pc) {
                    abs++;
                }
                line = abs < absPc.length ? absLine[abs] : line;
            } else {
                line += lineInfo[pc];
            }
            lineOf[pc] = line;
        }
        int first = vararg ? 1 : 0;
        int last = n - 1;
        // The final return is implicit; count its line only if other code shares it.
        boolean dropLast = last >= first && (last == first || lineOf[last] != lineOf[last - 1]);
        for (int pc = first; pc < n; pc++) {
            if (pc == last && dropLast) {
                continue;
            }
            lines.add(lineOf[pc]);
        }
    }

    private void constants() {
        int count = varint();
        for (int i = 0; i < count; i++) {
            int tag = data[pos++] & 0xff;
            switch (tag) {
                case 0x03, 0x13 -> pos += 8; // integer, float
                case 0x04, 0x14 -> string(); // short, long string
                default -> {
                    // nil, false, true: no payload
                }
            }
        }
    }

    private void skipDebugNames() {
        int locals = varint();
        for (int i = 0; i < locals; i++) {
            string();
            varint();
            varint();
        }
        int upvalueNames = varint();
        for (int i = 0; i < upvalueNames; i++) {
            string();
        }
    }

    private void string() {
        int size = varint();
        if (size > 0) {
            pos += size - 1;
        }
    }

    private int varint() {
        int value = 0;
        int b;
        do {
            b = data[pos++] & 0xff;
            value = (value << 7) | (b & 0x7f);
        } while ((b & 0x80) == 0);
        return value;
    }
}
