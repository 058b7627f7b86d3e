package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.LuaError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Convert file contents between raw bytes and the text encodings {@code fs} accepts. */
enum TextEncoding {
    UTF8, LATIN1, BASE64, HEX;

    /** Return the encoding Node calls {@code name}, or raise a bad-argument error. */
    static TextEncoding named(String name, int arg, String function) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "utf8", "utf-8" -> UTF8;
            case "latin1", "binary" -> LATIN1;
            case "base64" -> BASE64;
            case "hex" -> HEX;
            default -> throw LuaError.badArgument(arg, function, "unknown encoding '" + name + "'");
        };
    }

    /** Turn file bytes into the Lua string this encoding gives: valid UTF-8, base64 or hex text. */
    byte[] decode(byte[] raw) {
        return switch (this) {
            case UTF8 -> new String(raw, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            case LATIN1 -> new String(raw, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
            case BASE64 -> Base64.getEncoder().encode(raw);
            case HEX -> HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII);
        };
    }

    /** Turn a Lua string in this encoding into the bytes to write. */
    byte[] encode(byte[] text, int arg, String function) {
        try {
            return switch (this) {
                case UTF8 -> text;
                case LATIN1 -> new String(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
                case BASE64 -> Base64.getMimeDecoder().decode(text);
                case HEX -> HexFormat.of().parseHex(new String(text, StandardCharsets.US_ASCII));
            };
        } catch (IllegalArgumentException e) {
            throw LuaError.badArgument(arg, function, "data is not valid " + name().toLowerCase(Locale.ROOT));
        }
    }
}
