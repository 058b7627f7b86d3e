package dev.hype.runtime.builtins;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Encode a Lua value as JSON text with Jackson's generator.
 *
 * <p>A table whose keys are exactly 1..n is an array; any other table is an object whose keys must
 * be strings or numbers. An empty table is {@code []} unless {@code json.object()} marked it.
 * Integers and floats stay apart ({@code 1} and {@code 1.0}); strings must be valid UTF-8.
 */
final class JsonWriter {
    static final int MAX_DEPTH = 1000;

    private final JsonFactory factory;

    JsonWriter(JsonFactory factory) {
        this.factory = factory;
    }

    /** {@code encode(value [, {indent=, sort_keys=}])}. */
    int encode(LuaStack s) {
        if (s.top() < 1) {
            throw s.typeError(1, "encode", "value");
        }
        Options options = Options.read(s, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = factory.createGenerator(out)) {
            if (options.indent != null) {
                DefaultIndenter indenter = new DefaultIndenter(options.indent, "\n");
                gen.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                        .withArrayIndenter(indenter)
                        .withObjectIndenter(indenter));
            }
            new Walk(s, gen, options.sortKeys).value(1);
        } catch (IOException e) {
            throw new LuaError("json.encode: " + e.getMessage());
        }
        s.pushBytes(out.toByteArray());
        return 1;
    }

    private record Options(String indent, boolean sortKeys) {
        static Options read(LuaStack s, int arg) {
            LuaType t = s.type(arg);
            if (t == LuaType.NONE || t == LuaType.NIL) {
                return new Options(null, false);
            }
            if (t != LuaType.TABLE) {
                throw s.typeError(arg, "encode", "table");
            }
            String indent = null;
            s.getField(arg, "indent");
            if (s.type(-1) == LuaType.NUMBER) {
                long n = s.isInteger(-1) ? s.toInteger(-1) : -1;
                if (n < 0 || n > 64) {
                    throw LuaError.badArgument(arg, "encode", "indent must be an integer from 0 to 64, or a string");
                }
                indent = n == 0 ? null : " ".repeat((int) n);
            } else if (s.type(-1) == LuaType.STRING) {
                indent = s.toText(-1);
            } else if (s.type(-1) != LuaType.NIL) {
                throw LuaError.badArgument(arg, "encode", "indent must be an integer or a string");
            }
            s.pop(1);
            s.getField(arg, "sort_keys");
            boolean sort = s.toBoolean(-1);
            s.pop(1);
            return new Options(indent, sort);
        }
    }

    /** One traversal: the tables on the current path (to find cycles) and the path for messages. */
    private static final class Walk {
        private final LuaStack s;
        private final JsonGenerator gen;
        private final boolean sortKeys;
        private final Set<Long> open = new HashSet<>();
        private final Deque<String> path = new ArrayDeque<>();
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        Walk(LuaStack s, JsonGenerator gen, boolean sortKeys) {
            this.s = s;
            this.gen = gen;
            this.sortKeys = sortKeys;
        }

        void value(int index) throws IOException {
            switch (s.type(index)) {
                case NIL, NONE -> gen.writeNull();
                case BOOLEAN -> gen.writeBoolean(s.toBoolean(index));
                case NUMBER -> number(index);
                case STRING -> gen.writeString(text(s.toBytes(index), "string"));
                case TABLE -> table(s.absIndex(index));
                default -> throw failure("cannot encode a " + s.type(index).luaName() + " value");
            }
        }

        private void number(int index) throws IOException {
            if (s.isInteger(index)) {
                gen.writeNumber(s.toInteger(index));
                return;
            }
            double d = s.toNumber(index);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw failure("cannot encode " + (Double.isNaN(d) ? "NaN" : d > 0 ? "inf" : "-inf") + " (JSON has no such number)");
            }
            gen.writeNumber(d);
        }

        private void table(int t) throws IOException {
            String kind = marker(t);
            if ("null".equals(kind)) {
                gen.writeNull();
                return;
            }
            long id = s.identity(t);
            if (!open.add(id)) {
                throw failure("circular reference");
            }
            if (open.size() > MAX_DEPTH) {
                throw failure("nesting deeper than " + MAX_DEPTH);
            }
            s.ensureStack(8);
            // Copy the entries into a scratch array: keys (as text for objects) and values.
            s.newTable(8, 0);
            int values = s.top();
            List<Object> keys = new ArrayList<>();
            boolean sequence = true;
            s.pushNil();
            while (s.next(t)) {
                int n = keys.size() + 1;
                if (s.type(-2) == LuaType.NUMBER && s.isInteger(-2)) {
                    long k = s.toInteger(-2);
                    sequence &= k >= 1;
                    keys.add(k);
                } else if (s.type(-2) == LuaType.NUMBER) {
                    sequence = false;
                    keys.add(numberKey(s.toNumber(-2)));
                } else if (s.type(-2) == LuaType.STRING) {
                    sequence = false;
                    keys.add(s.toBytes(-2));
                } else {
                    throw failure("cannot encode a table key of type " + s.type(-2).luaName());
                }
                s.rawSetIndex(values, n);
            }
            int count = keys.size();
            if (sequence) {
                long max = 0;
                for (Object k : keys) {
                    max = Math.max(max, (Long) k);
                }
                sequence = max == count;
            }
            if ("array".equals(kind) && !sequence) {
                throw failure("table marked with json.array() has keys other than 1.." + count);
            }
            if (sequence && !"object".equals(kind)) {
                array(t, count);
            } else {
                object(keys, values);
            }
            s.pop(1);
            open.remove(id);
        }

        private void array(int t, int count) throws IOException {
            gen.writeStartArray();
            for (int i = 1; i <= count; i++) {
                path.push("[" + i + "]");
                s.rawGetIndex(t, i);
                value(-1);
                s.pop(1);
                path.pop();
            }
            gen.writeEndArray();
        }

        private void object(List<Object> keys, int values) throws IOException {
            int n = keys.size();
            String[] names = new String[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                Object k = keys.get(i);
                names[i] = k instanceof byte[] b ? text(b, "key") : k.toString();
                order[i] = i;
            }
            if (sortKeys) {
                Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
            }
            gen.writeStartObject();
            for (int i : order) {
                gen.writeFieldName(names[i]);
                path.push("." + names[i]);
                s.rawGetIndex(values, i + 1);
                value(-1);
                s.pop(1);
                path.pop();
            }
            gen.writeEndObject();
        }

        /** Return the {@code __jsontype} of the table's metatable: array, object, null, or null. */
        private String marker(int t) {
            if (!s.getMetatable(t)) {
                return null;
            }
            s.getField(-1, "__jsontype");
            String kind = s.type(-1) == LuaType.STRING ? s.toText(-1) : null;
            s.pop(2);
            return kind;
        }

        /** Spell a float key as JSON would spell the number: 1.5, 0.1, 1.0E300. */
        private static String numberKey(double d) {
            double magnitude = Math.abs(d);
            if (Double.isNaN(d) || Double.isInfinite(d) || magnitude < 1e-6 || magnitude >= 1e21) {
                return Double.toString(d);
            }
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }

        /** Decode a Lua string that must be UTF-8, naming the first invalid byte otherwise. */
        private String text(byte[] bytes, String what) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            utf8.reset();
            CoderResult result = utf8.decode(in, out, true);
            if (!result.isError()) {
                result = utf8.flush(out);
            }
            if (result.isError()) {
                throw failure(what + " is not valid UTF-8 (invalid byte 0x"
                        + String.format("%02x", bytes[in.position()] & 0xff) + " at position " + (in.position() + 1) + ")");
            }
            return out.flip().toString();
        }

        private LuaError failure(String message) {
            StringBuilder where = new StringBuilder("$");
            path.descendingIterator().forEachRemaining(where::append);
            return new LuaError("json.encode: " + message + " at " + where);
        }
    }
}
