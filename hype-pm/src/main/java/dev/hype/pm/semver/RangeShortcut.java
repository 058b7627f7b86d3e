package dev.hype.pm.semver;

import java.util.ArrayList;
import java.util.List;

/**
 * Read the commonest ranges by hand, character by character, into the comparators {@link RangeParser} would give.
 *
 * <p>A manifest's ranges are nearly all of a few shapes ({@code ^1.2.3}, {@code ~1.2}, {@code 1.x}, {@code >=1.0.0
 * <2.0.0}, {@code *}), and the full parser, node-semver's regular-expression passes ported step by step, costs
 * ~150 µs per range in a JVM that has just started: a third of a warm install of 200 dependencies. This reads one
 * comparator set of single-space-separated comparators, each an optional operator ({@code ^ ~ ~> = < <= > >=}), an
 * optional {@code v}, and one to three parts that are numbers (at most 15 digits, no leading zero) or {@code x X *},
 * with a prerelease only after three numbers. Anything else ({@code ||}, hyphen ranges, build metadata, other
 * whitespace, leading zeros, long input, invalid input) returns {@code null}, and the full parser decides it, errors
 * included. Within its shapes, strict and loose parsing agree, so both options are handled; {@code RangeShortcutTest}
 * checks that the result equals the full parser's over a generated corpus.
 */
final class RangeShortcut {
    private static final int MAX_TEXT = 128;
    private static final int MAX_DIGITS = 15;
    private static final long X = -1;
    private static final Version ZERO = Version.of(0, 0, 0);
    private static final Version ZERO_PRE = ZERO.lowestPrerelease();
    private static final List<String> PRE_ZERO = List.of("0");

    private final boolean includePrerelease;
    private final String text;
    private int at;
    /** Whether the token being read has a {@code v} before its version. */
    private boolean prefixed;

    private RangeShortcut(String text, boolean includePrerelease) {
        this.text = text;
        this.includePrerelease = includePrerelease;
    }

    /** Return the comparator set of {@code text}, exactly as {@link RangeParser} gives it, or {@code null}. */
    static List<Comparator> read(String text, RangeOptions options) {
        if (text.isEmpty() || text.length() > MAX_TEXT || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            return null;
        }
        return new RangeShortcut(text, options.includePrerelease()).set();
    }

    private List<Comparator> set() {
        List<Comparator> desugared = new ArrayList<>(4);
        while (true) {
            if (!token(desugared)) {
                return null;
            }
            if (at == text.length()) {
                break;
            }
            if (text.charAt(at) != ' ' || text.charAt(at + 1) == ' ') {
                return null;
            }
            at++;
        }
        return unique(desugared);
    }

    /**
     * Keep one comparator per rendering, in first-seen order; a null set wins; "any" goes when others remain. Compared
     * field by field: a record's generated {@code equals} links a call site on first use, a few ms in a new JVM.
     */
    private static List<Comparator> unique(List<Comparator> comparators) {
        List<Comparator> kept = new ArrayList<>(comparators.size());
        int any = -1;
        for (Comparator c : comparators) {
            if (!c.isAny() && c.operator().equals("<") && c.version().compareTo(ZERO_PRE) == 0) {
                return List.of(c);
            }
            int same = indexOf(kept, c);
            if (same < 0) {
                kept.add(c);
            } else {
                kept.set(same, c);
            }
        }
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).isAny()) {
                any = i;
            }
        }
        if (kept.size() > 1 && any >= 0) {
            kept.remove(any);
        }
        return List.copyOf(kept);
    }

    private static int indexOf(List<Comparator> kept, Comparator c) {
        for (int i = 0; i < kept.size(); i++) {
            Comparator k = kept.get(i);
            if (k.isAny() ? c.isAny() : !c.isAny() && k.operator().equals(c.operator())
                    && k.version().compareTo(c.version()) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Read one comparator token at {@link #at} and add what it desugars to; return false if it is not a simple one. */
    private boolean token(List<Comparator> out) {
        String op = operator();
        prefixed = at < text.length() && text.charAt(at) == 'v';
        if (prefixed) {
            at++;
        }
        long major = part();
        long minor = X;
        long patch = X;
        boolean hasMinor = false;
        boolean hasPatch = false;
        if (major == Long.MIN_VALUE) {
            return false;
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            minor = part();
            hasMinor = true;
            if (minor == Long.MIN_VALUE) {
                return false;
            }
            if (at < text.length() && text.charAt(at) == '.') {
                at++;
                patch = part();
                hasPatch = true;
                if (patch == Long.MIN_VALUE) {
                    return false;
                }
            }
        }
        if ((major == X && hasMinor && minor != X) || (minor == X && hasPatch && patch != X)) {
            return false;
        }
        List<String> pre = List.of();
        if (at < text.length() && text.charAt(at) == '-') {
            if (patch == X) {
                return false;
            }
            at++;
            pre = prerelease();
            if (pre == null) {
                return false;
            }
        }
        if (at < text.length() && text.charAt(at) != ' ') {
            return false;
        }
        switch (op) {
            case "^" -> caret(out, major, minor, patch, pre);
            case "~" -> tilde(out, major, minor, patch, pre);
            default -> xrange(out, op, major, minor, patch, pre);
        }
        return true;
    }

    /** Read an operator, {@code ~>} counting as {@code ~}; return the empty string when there is none. */
    private String operator() {
        if (at >= text.length()) {
            return "";
        }
        char c = text.charAt(at);
        boolean eq = at + 1 < text.length() && text.charAt(at + 1) == '=';
        switch (c) {
            case '^':
                at++;
                return "^";
            case '~':
                at += at + 1 < text.length() && text.charAt(at + 1) == '>' ? 2 : 1;
                return "~";
            case '=':
                at++;
                return "=";
            case '<':
                at += eq ? 2 : 1;
                return eq ? "<=" : "<";
            case '>':
                at += eq ? 2 : 1;
                return eq ? ">=" : ">";
            default:
                return "";
        }
    }

    /** Read a number without leading zero, or {@code x X *} as {@link #X}; {@code Long.MIN_VALUE} if neither. */
    private long part() {
        if (at >= text.length()) {
            return Long.MIN_VALUE;
        }
        char c = text.charAt(at);
        if (c == 'x' || c == 'X' || c == '*') {
            at++;
            return X;
        }
        int start = at;
        long value = 0;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            value = value * 10 + (text.charAt(at) - '0');
            at++;
        }
        int digits = at - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && text.charAt(start) == '0')) {
            return Long.MIN_VALUE;
        }
        return value;
    }

    /** Read dot-separated identifiers of {@code [0-9A-Za-z-]}, numeric ones short and without leading zero. */
    private List<String> prerelease() {
        List<String> ids = new ArrayList<>(2);
        while (true) {
            int start = at;
            boolean numeric = true;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c >= '0' && c <= '9') {
                    at++;
                } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
                    numeric = false;
                    at++;
                } else {
                    break;
                }
            }
            int length = at - start;
            if (length == 0 || numeric && (length > MAX_DIGITS || length > 1 && text.charAt(start) == '0')) {
                return null;
            }
            ids.add(text.substring(start, at));
            if (at < text.length() && text.charAt(at) == '.') {
                at++;
            } else {
                return ids;
            }
        }
    }

    private void caret(List<Comparator> out, long major, long minor, long patch, List<String> pre) {
        if (major == X) {
            out.add(Comparator.ANY);
        } else if (minor == X) {
            lower(out, version(major, 0, 0, floor()));
            out.add(below(major + 1, 0, 0));
        } else if (patch == X) {
            lower(out, version(major, minor, 0, floor()));
            out.add(major == 0 ? below(major, minor + 1, 0) : below(major + 1, 0, 0));
        } else {
            lower(out, version(major, minor, patch, pre));
            if (major != 0) {
                out.add(below(major + 1, 0, 0));
            } else if (minor != 0) {
                out.add(below(major, minor + 1, 0));
            } else {
                out.add(below(major, minor, patch + 1));
            }
        }
    }

    private void tilde(List<Comparator> out, long major, long minor, long patch, List<String> pre) {
        if (major == X) {
            out.add(Comparator.ANY);
        } else if (minor == X) {
            lower(out, version(major, 0, 0, floor()));
            out.add(below(major + 1, 0, 0));
        } else if (patch == X) {
            lower(out, version(major, minor, 0, floor()));
            out.add(below(major, minor + 1, 0));
        } else {
            lower(out, version(major, minor, patch, pre));
            out.add(below(major, minor + 1, 0));
        }
    }

    private void xrange(List<Comparator> out, String op, long major, long minor, long patch, List<String> pre) {
        boolean xMajor = major == X;
        boolean xMinor = xMajor || minor == X;
        boolean anyX = xMinor || patch == X;
        String gtlt = op.equals("=") && anyX ? "" : op;
        if (xMajor) {
            out.add(gtlt.equals(">") || gtlt.equals("<") ? new Comparator("<", ZERO_PRE) : Comparator.ANY);
        } else if (!gtlt.isEmpty() && anyX) {
            long ma = major;
            long mi = xMinor ? 0 : minor;
            List<String> pr = floor();
            if (gtlt.equals(">")) {
                gtlt = ">=";
                if (xMinor) {
                    ma = major + 1;
                    mi = 0;
                } else {
                    mi = minor + 1;
                }
            } else if (gtlt.equals("<=")) {
                gtlt = "<";
                if (xMinor) {
                    ma = major + 1;
                } else {
                    mi = minor + 1;
                }
            }
            if (gtlt.equals("<")) {
                pr = PRE_ZERO;
            }
            Version v = version(ma, mi, 0, pr);
            if (gtlt.equals(">=")) {
                lower(out, v);
            } else {
                out.add(new Comparator(gtlt, v));
            }
        } else if (xMinor) {
            lower(out, version(major, 0, 0, floor()));
            out.add(below(major + 1, 0, 0));
        } else if (anyX) {
            lower(out, version(major, minor, 0, floor()));
            out.add(below(major, minor + 1, 0));
        } else if (gtlt.equals(">=") && !prefixed) {
            lower(out, version(major, minor, patch, pre));
        } else {
            out.add(new Comparator(gtlt.equals("=") ? "" : gtlt, version(major, minor, patch, pre)));
        }
    }

    /**
     * Add {@code >=v}, which node-semver drops (leaving "any") for the lowest version of the option in force; it
     * matches that text only, so a {@code >=v0.0.0} as written stays (see {@link #prefixed}).
     */
    private void lower(List<Comparator> out, Version v) {
        boolean lowest = v.compareTo(includePrerelease ? ZERO_PRE : ZERO) == 0;
        out.add(lowest ? Comparator.ANY : new Comparator(">=", v));
    }

    private List<String> floor() {
        return includePrerelease ? PRE_ZERO : List.of();
    }

    private static Comparator below(long major, long minor, long patch) {
        return new Comparator("<", version(major, minor, patch, PRE_ZERO));
    }

    private static Version version(long major, long minor, long patch, List<String> pre) {
        return pre.isEmpty() ? Version.of(major, minor, patch) : new Version(major, minor, patch, pre, List.of());
    }
}
