package dev.hype.pm.registry;

import java.util.List;
import java.util.Locale;

/**
 * How long a registry lets a client reuse a packument without asking again: the freshness lifetime of RFC 9111
 * (section 4.2.1) from {@code Cache-Control: max-age}, less the {@code Age} the answer already had. npm's cache
 * honours it the same way (registry.npmjs.org sends {@code max-age=300} for packuments).
 *
 * <p>{@code no-cache} and {@code no-store} make an answer stale at once, as does an answer with no {@code max-age}
 * ({@code Expires} and heuristic freshness are not used: a registry that wants reuse says so with {@code max-age}).
 */
final class Freshness {
    private Freshness() {
    }

    /**
     * Return the seconds an answer stays fresh, or 0.
     *
     * @param cacheControl the values of its {@code Cache-Control} headers
     * @param age the value of its {@code Age} header, or {@code null}
     */
    static long seconds(List<String> cacheControl, String age) {
        long maxAge = 0;
        for (String value : cacheControl) {
            for (String directive : value.split(",")) {
                String d = directive.strip().toLowerCase(Locale.ROOT);
                if (d.equals("no-cache") || d.startsWith("no-cache=") || d.equals("no-store")) {
                    return 0;
                }
                if (d.startsWith("max-age=")) {
                    maxAge = Math.max(0, number(d.substring("max-age=".length())));
                }
            }
        }
        long already = age == null ? 0 : number(age.strip());
        return already < 0 ? 0 : Math.max(0, maxAge - already);
    }

    /** Read a delta-seconds value, or return -1 for a malformed one (which never makes an answer fresh). */
    private static long number(String text) {
        String digits = text.startsWith("\"") && text.endsWith("\"") && text.length() > 1
            ? text.substring(1, text.length() - 1) : text;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(digits);
    }
}
