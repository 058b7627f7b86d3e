package dev.hype.runtime;

/**
 * Make untrusted text safe to show on a terminal: package names, descriptions and permission entries
 * from a registry or a tarball, before they reach a prompt, a listing or an error.
 *
 * <p>Control characters (C0 but tab, DEL, C1), the Unicode bidirectional controls and the line and
 * paragraph separators are shown as escapes ({@code \e}, {@code \x07}, {@code \u202e}), and a
 * backslash as {@code \\}, so nothing can move the cursor, clear a line, recolour, reorder or hide
 * what the user is asked to approve. Printable text, non-ASCII letters included, is unchanged.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** Return {@code text} with every character that could act on a terminal escaped; null stays null. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** Return {@code text} escaped as {@link #escape} does, but keeping line breaks, for multi-line messages. */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null || isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> append(out, c, keepLines));
        return out.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (acts(c) || c == '\\' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    private static void append(StringBuilder out, int c, boolean keepLines) {
        if (c == '\\') {
            out.append("\\\\");
        } else if (c == '\n' && keepLines) {
            out.append('\n');
        } else if (c == '\n') {
            out.append("\\n");
        } else if (c == '\r') {
            out.append("\\r");
        } else if (c == 0x1b) {
            out.append("\\e");
        } else if (c < 0x10000 && acts((char) c)) {
            out.append(c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
        } else {
            out.appendCodePoint(c);
        }
    }

    /** Return whether {@code c} is a control, bidirectional or separator character (tab excepted). */
    private static boolean acts(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                || c == 0x061c || c == 0x2028 || c == 0x2029;
    }
}
