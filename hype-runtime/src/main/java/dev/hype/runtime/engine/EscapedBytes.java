package dev.hype.runtime.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Carry arbitrary bytes in a Java {@link String}: UTF-8 where the bytes are UTF-8, and each
 * byte that is not as the lone surrogate {@code U+DC80 + (byte - 0x80)} (Python's
 * "surrogateescape"). {@link LuaStack#pushString} turns such a string back into the same bytes,
 * so a command-line argument that is not UTF-8 reaches {@code arg} unchanged.
 */
public final class EscapedBytes {
    private EscapedBytes() {
    }

    /** Decode {@code bytes}, escaping every byte that is not part of valid UTF-8. */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // fall through: decode piece by piece
        }
        StringBuilder out = new StringBuilder(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
        decoder.reset();
        while (in.hasRemaining()) {
            var result = decoder.decode(in, chars, true);
            chars.flip();
            out.append(chars);
            chars.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.append((char) (0xDC00 + (in.get() & 0xff)));
                }
            }
        }
        return out.toString();
    }

    /** Encode {@code text} as UTF-8, turning escaped bytes back into the bytes they stand for. */
    public static byte[] encode(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 8);
        int start = 0;
        for (i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean escaped = c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (escaped) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(c - 0xDC00);
                start = i + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
