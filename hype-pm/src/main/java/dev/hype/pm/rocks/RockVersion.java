package dev.hype.pm.rocks;

import dev.hype.pm.semver.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Represent a LuaRocks version such as {@code 1.14.0-3}, {@code scm-1} or {@code 2.0beta2-1}, read and compared as
 * LuaRocks' {@code luarocks.core.vers} reads and compares it.
 *
 * <p>The text before the last {@code -DIGITS} is split into numbers and words. Each number is a component; a word
 * is a component worth its LuaRocks delta ({@code dev} 120000000, {@code scm} 110000000, {@code cvs} 100000000,
 * {@code rc} -1000, {@code pre} -10000, {@code beta} -100000, {@code alpha} -1000000, any other word its first
 * byte / 1000), and a number right after a word adds number / 100000 to that word's component. Versions compare
 * component by component, a missing component counting as 0; the revisions decide only when both versions have
 * one. LuaRocks' {@code ==} also wants the same number of components ({@code 1.0 ~= 1.0.0}).
 *
 * @param text the version as written (leading spaces removed)
 * @param components the components, exact (integers, or the doubles Lua computes)
 * @param revision the number after the last {@code -}, or {@code null} when there is none
 */
public record RockVersion(String text, List<BigDecimal> components, BigDecimal revision)
        implements Comparable<RockVersion> {
    private static final Map<String, Long> DELTAS = Map.of("dev", 120000000L, "scm", 110000000L,
            "cvs", 100000000L, "rc", -1000L, "pre", -10000L, "beta", -100000L, "alpha", -1000000L);

    /** Copy the components. */
    public RockVersion {
        Objects.requireNonNull(text, "text");
        components = List.copyOf(components);
    }

    /**
     * Parse a version as {@code vers.parse_version} does. Text LuaRocks cannot read past (a character that is
     * neither a letter, a digit nor a separator) ends the components with a 0, as LuaRocks does after its
     * warning.
     */
    public static RockVersion parse(String input) {
        String v = input.stripLeading();
        String text = v;
        BigDecimal revision = null;
        int dash = v.lastIndexOf('-');
        if (dash >= 0 && dash < v.length() - 1 && allDigits(v, dash + 1)) {
            revision = number(v.substring(dash + 1));
            v = v.substring(0, dash);
        }
        List<BigDecimal> components = new ArrayList<>();
        Double word = null;
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            int end = i;
            if (isDigit(c)) {
                while (end < v.length() && isDigit(v.charAt(end))) {
                    end++;
                }
                String digits = v.substring(i, end);
                if (word != null) {
                    // add_token: version[i] + number/100000, in Lua's float arithmetic
                    components.add(new BigDecimal(word + number(digits).doubleValue() / 100000.0));
                    word = null;
                } else {
                    components.add(number(digits));
                }
            } else if (isLetter(c)) {
                while (end < v.length() && isLetter(v.charAt(end))) {
                    end++;
                }
                String token = v.substring(i, end);
                Long delta = DELTAS.get(token);
                word = delta != null ? delta.doubleValue() : token.charAt(0) / 1000.0;
            } else {
                // "could not be parsed": version[i] = 0, stop
                word = null;
                components.add(BigDecimal.ZERO);
                break;
            }
            while (end < v.length() && isSeparator(v.charAt(end))) {
                end++;
            }
            i = end;
        }
        if (word != null) {
            components.add(wordValue(word));
        }
        return new RockVersion(text, components, revision);
    }

    /** A word component without a number after it: a delta is an integer in Lua, byte/1000 a float. */
    private static BigDecimal wordValue(double word) {
        return word == Math.rint(word) ? BigDecimal.valueOf((long) word) : new BigDecimal(word);
    }

    /** Return {@code tonumber(digits)}: an integer, or a float when it does not fit in 64 bits. */
    private static BigDecimal number(String digits) {
        try {
            return BigDecimal.valueOf(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return new BigDecimal(Double.parseDouble(digits));
        }
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    /** Return component {@code i} (0-based), 0 past the end. */
    BigDecimal component(int i) {
        return i < components.size() ? components.get(i) : BigDecimal.ZERO;
    }

    /** Return whether the version carries a revision ({@code -1} in {@code 1.0-1}). */
    public boolean hasRevision() {
        return revision != null;
    }

    /** Compare as LuaRocks' {@code <} does: components padded with zeros, then revisions when both have one. */
    @Override
    public int compareTo(RockVersion other) {
        int c = compareComponents(other);
        if (c == 0 && revision != null && other.revision != null) {
            c = revision.compareTo(other.revision);
        }
        return c;
    }

    int compareComponents(RockVersion other) {
        int n = Math.max(components.size(), other.components.size());
        for (int i = 0; i < n; i++) {
            int c = component(i).compareTo(other.component(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Return whether LuaRocks' {@code ==} holds: the same components, and the same revision when both have one. */
    public boolean luaEquals(RockVersion other) {
        if (components.size() != other.components.size() || compareComponents(other) != 0) {
            return false;
        }
        return revision == null || other.revision == null || revision.compareTo(other.revision) == 0;
    }

    /**
     * Return the semantic version that stands for this one in the resolver, the lockfile and the store: ordered as
     * LuaRocks orders versions (components, then revision), shown as {@link #text()}.
     */
    public Version toVersion() {
        return RockKey.version(this);
    }

    /** Return the version as written. */
    @Override
    public String toString() {
        return text;
    }
}
