package dev.hype.e2e.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turn the {@code -->} comments of a Lua example into checks, keeping every line where it was (so
 * error messages name the page's lines):
 *
 * <ul>
 *   <li>{@code print(ARGS)   --> TEXT}: the line prints TEXT (tabs and runs of spaces compare equal);</li>
 *   <li>{@code CALL   --> VALUE}: the call returns VALUE, a Lua expression (tables compared deeply).</li>
 * </ul>
 *
 * <p>The checks raise a Lua error naming the line when the value or the printed text differs, so the
 * example fails as any failing script does.
 */
final class LuaChecks {
    private static final Pattern CHECK = Pattern.compile("^(\\s*)(\\S.*?)\\s*-->\\s?(.*)$");
    private static final String HELPER = helper();

    private LuaChecks() {
    }

    /** Return {@code code} with its {@code -->} lines made into checks; code without them is returned as it is. */
    static String transform(String code) {
        String[] lines = code.split("\n", -1);
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CHECK.matcher(lines[i]);
            if (!m.matches() || m.group(2).startsWith("--")) {
                continue;
            }
            String indent = m.group(1);
            String expression = m.group(2);
            String claim = m.group(3).strip();
            int line = i + 1;
            String args = printArguments(expression);
            if (args != null) {
                lines[i] = indent + "__doc.print(" + line + ", " + quote(claim) + (args.isBlank() ? "" : ", " + args) + ")";
            } else {
                lines[i] = indent + "__doc.value(" + line + ", " + quote(claim) + ", (" + claim + "), " + expression + ")";
            }
            any = true;
        }
        if (!any) {
            return code;
        }
        lines[0] = "local __doc = (function() " + HELPER + " end)(); " + lines[0];
        return String.join("\n", lines);
    }

    /** Return the arguments of {@code print(...)} when the whole expression is one call of print, else null. */
    static String printArguments(String expression) {
        if (!expression.startsWith("print(") || !expression.endsWith(")")) {
            return null;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 5; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
                if (depth == 0 && i != expression.length() - 1) {
                    return null;
                }
            }
        }
        return expression.substring(6, expression.length() - 1);
    }

    /** Quote {@code text} as a Lua string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 32 || c >= 127) {
                out.append('\\').append(String.format("%03d", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append('"').toString();
    }

    private static String helper() {
        try (InputStream in = LuaChecks.class.getResourceAsStream("doc-check.lua")) {
            if (in == null) {
                throw new IllegalStateException("doc-check.lua is missing from the test resources");
            }
            // One line, so the example's own lines keep their numbers; the helper has no comments.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace('\n', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
