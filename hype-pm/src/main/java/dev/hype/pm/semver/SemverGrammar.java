package dev.hype.pm.semver;

import java.util.regex.Pattern;

/**
 * Hold the regular expressions of node-semver's grammar, built from the same named pieces.
 *
 * <p>Like node-semver, repetition of whitespace, digits and identifier characters is bounded
 * (whitespace to one, digits to 256, identifier characters to 250) so matching stays linear.
 * {@code \s} means ECMAScript whitespace, not Java's smaller set.
 */
final class SemverGrammar {
    static final int MAX_LENGTH = 256;
    static final long MAX_SAFE_INTEGER = 9007199254740991L;

    /** ECMAScript's {@code \s}: what JavaScript's {@code trim} and {@code \s} accept. */
    static final String JS_SPACE =
            "[\\t\\n\\u000B\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";

    private static final String LETTER_DASH_NUMBER = "[a-zA-Z0-9-]";
    private static final String NUMERIC = "0|[1-9]\\d*";
    private static final String NUMERIC_LOOSE = "\\d+";
    private static final String NON_NUMERIC = "\\d*[a-zA-Z-]" + LETTER_DASH_NUMBER + "*";
    private static final String MAIN = "(" + NUMERIC + ")\\.(" + NUMERIC + ")\\.(" + NUMERIC + ")";
    private static final String MAIN_LOOSE =
            "(" + NUMERIC_LOOSE + ")\\.(" + NUMERIC_LOOSE + ")\\.(" + NUMERIC_LOOSE + ")";
    private static final String PRE_ID = "(?:" + NON_NUMERIC + "|" + NUMERIC + ")";
    private static final String PRE_ID_LOOSE = "(?:" + NON_NUMERIC + "|" + NUMERIC_LOOSE + ")";
    static final String PRERELEASE = "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))";
    static final String PRERELEASE_LOOSE = "(?:-?(" + PRE_ID_LOOSE + "(?:\\." + PRE_ID_LOOSE + ")*))";
    private static final String BUILD_ID = LETTER_DASH_NUMBER + "+";
    static final String BUILD = "(?:\\+(" + BUILD_ID + "(?:\\." + BUILD_ID + ")*))";
    private static final String FULL_PLAIN = "v?" + MAIN + PRERELEASE + "?" + BUILD + "?";
    private static final String LOOSE_PLAIN = "[v=\\s]*" + MAIN_LOOSE + PRERELEASE_LOOSE + "?" + BUILD + "?";
    private static final String GTLT = "((?:<|>)?=?)";
    private static final String XID = NUMERIC + "|x|X|\\*";
    private static final String XID_LOOSE = NUMERIC_LOOSE + "|x|X|\\*";
    private static final String XRANGE_PLAIN = "[v=\\s]*(" + XID + ")(?:\\.(" + XID + ")(?:\\.(" + XID + ")(?:"
            + PRERELEASE + ")?" + BUILD + "?)?)?";
    private static final String XRANGE_PLAIN_LOOSE = "[v=\\s]*(" + XID_LOOSE + ")(?:\\.(" + XID_LOOSE + ")(?:\\.("
            + XID_LOOSE + ")(?:" + PRERELEASE_LOOSE + ")?" + BUILD + "?)?)?";
    private static final String COERCE_PLAIN = "(^|[^\\d])(\\d{1,16})(?:\\.(\\d{1,16}))?(?:\\.(\\d{1,16}))?";

    static final Pattern FULL = safe("^" + FULL_PLAIN + "$");
    static final Pattern LOOSE = safe("^" + LOOSE_PLAIN + "$");
    static final Pattern PRERELEASE_ONLY = safe("^" + PRERELEASE + "$");
    static final Pattern XRANGE = safe("^" + GTLT + "\\s*" + XRANGE_PLAIN + "$");
    static final Pattern XRANGE_LOOSE = safe("^" + GTLT + "\\s*" + XRANGE_PLAIN_LOOSE + "$");
    static final Pattern TILDE = safe("^(?:~>?)" + XRANGE_PLAIN + "$");
    static final Pattern TILDE_LOOSE = safe("^(?:~>?)" + XRANGE_PLAIN_LOOSE + "$");
    static final Pattern TILDE_TRIM = safe("(\\s*)(?:~>?)\\s+");
    static final Pattern CARET = safe("^(?:\\^)" + XRANGE_PLAIN + "$");
    static final Pattern CARET_LOOSE = safe("^(?:\\^)" + XRANGE_PLAIN_LOOSE + "$");
    static final Pattern CARET_TRIM = safe("(\\s*)(?:\\^)\\s+");
    static final Pattern COMPARATOR = safe("^" + GTLT + "\\s*(" + FULL_PLAIN + ")$|^$");
    static final Pattern COMPARATOR_LOOSE = safe("^" + GTLT + "\\s*(" + LOOSE_PLAIN + ")$|^$");
    static final Pattern COMPARATOR_TRIM = safe("(\\s*)" + GTLT + "\\s*(" + LOOSE_PLAIN + "|" + XRANGE_PLAIN + ")");
    static final Pattern HYPHEN = safe("^\\s*(" + XRANGE_PLAIN + ")\\s+-\\s+(" + XRANGE_PLAIN + ")\\s*$");
    static final Pattern HYPHEN_LOOSE =
            safe("^\\s*(" + XRANGE_PLAIN_LOOSE + ")\\s+-\\s+(" + XRANGE_PLAIN_LOOSE + ")\\s*$");
    static final Pattern STAR = safe("(<|>)?=?\\s*\\*");
    static final Pattern GTE0 = safe("^\\s*>=\\s*0\\.0\\.0\\s*$");
    static final Pattern GTE0_PRE = safe("^\\s*>=\\s*0\\.0\\.0-0\\s*$");
    static final Pattern COERCE = safe(COERCE_PLAIN + "(?:$|[^\\d])");
    static final Pattern COERCE_FULL = safe(COERCE_PLAIN + "(?:" + PRERELEASE + ")?(?:" + BUILD + ")?(?:$|[^\\d])");
    /** Unbounded build-metadata stripper, as node-semver's range parser uses. */
    static final Pattern BUILD_STRIP = Pattern.compile(BUILD);
    static final Pattern BUILD_FIRST = safe(BUILD);
    static final Pattern SPACES = Pattern.compile(JS_SPACE + "+");

    private SemverGrammar() {
    }

    /** Bound repetitions as node-semver's safe regexes do, then spell out ECMAScript whitespace. */
    private static Pattern safe(String source) {
        String value = source;
        value = bound(value, "\\s", 1);
        value = bound(value, "\\d", MAX_LENGTH);
        value = bound(value, LETTER_DASH_NUMBER, MAX_LENGTH - 6);
        String inner = JS_SPACE.substring(1, JS_SPACE.length() - 1);
        value = value.replace("[v=\\s]", "[v=" + inner + "]").replace("\\s", JS_SPACE);
        return Pattern.compile(value);
    }

    private static String bound(String value, String token, int max) {
        return value.replace(token + "*", token + "{0," + max + "}").replace(token + "+", token + "{1," + max + "}");
    }

    /** Trim ECMAScript whitespace from both ends, as JavaScript's {@code String.trim} does. */
    static String jsTrim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isJsSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isJsSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isJsSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f',
                 '\u3000', '\ufeff' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }
}
