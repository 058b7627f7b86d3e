package dev.hype.runtime.testing;

import java.nio.charset.StandardCharsets;

/** Write Java strings as Lua string literals. */
final class LuaStrings {
    private LuaStrings() {
    }

    /** Return a double-quoted Lua literal holding exactly the UTF-8 bytes of {@code text}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\%03d", c));
            }
        }
        return out.append('"').toString();
    }
}
