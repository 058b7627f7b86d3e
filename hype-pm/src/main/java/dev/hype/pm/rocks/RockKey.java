package dev.hype.pm.rocks;

import dev.hype.pm.semver.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Encode LuaRocks versions as semantic versions whose order is LuaRocks' order, so that the resolver's version sets
 * hold them: {@code 0.0.0-TOKENS}, each token an alphanumeric prerelease identifier, compared as ASCII.
 *
 * <p>Only the non-zero components are encoded, as (position, value) tokens: a negative value at position
 * {@code p} is {@code a<p><value>} (earlier positions first), a positive one {@code c<999999-p><value>} (earlier
 * positions last). Then come {@code b} (the end of the components: everything after is zero), the revision
 * {@code r...} and the number of components {@code l<n>}, which only tells apart versions LuaRocks finds neither
 * smaller nor larger ({@code 1.0-1} and {@code 1.0.0-1}). Comparing two token lists then compares the padded
 * components first, then the revisions, which is LuaRocks' order. Bounds for constraints are token lists that
 * sort just before or after every version sharing a prefix ({@code s} sorts after every revision and length).
 */
final class RockKey {
    static final String END = "b";
    static final String AFTER = "s";
    private static final int POSITIONS = 999999;

    private RockKey() {
    }

    /** Return the semantic version of {@code v}, labelled with its text. */
    static Version version(RockVersion v) {
        List<String> tokens = components(v);
        tokens.add(END);
        if (v.revision() != null) {
            tokens.add(revision(v.revision()));
        }
        tokens.add("l" + pad(v.components().size(), 6));
        return point(tokens, v.text());
    }

    /** Return the tokens of the non-zero components of {@code v}. */
    static List<String> components(RockVersion v) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < v.components().size(); i++) {
            BigDecimal x = v.components().get(i);
            int position = Math.min(i + 1, POSITIONS);
            int sign = x.signum();
            if (sign < 0) {
                tokens.add("a" + pad(position, 6) + negative(x.negate()));
            } else if (sign > 0) {
                tokens.add("c" + pad(POSITIONS - position, 6) + positive(x));
            }
        }
        return tokens;
    }

    /** Return the token of a revision. */
    static String revision(BigDecimal revision) {
        return "r" + nonNegative(revision);
    }

    /** Return the smallest token of any component at {@code position} or later (a prefix of all of them). */
    static String firstAt(int position) {
        return "a" + pad(Math.min(position, POSITIONS), 6);
    }

    /** Return a token above every positive component at positions after {@code position}, below those at it. */
    static String pastPositivesAfter(int position) {
        return "c" + pad(POSITIONS - Math.min(position, POSITIONS), 6);
    }

    /** Return a version with these prerelease tokens, shown as {@code label}. */
    static Version point(List<String> tokens, String label) {
        return new Version(0, 0, 0, tokens, List.of(), label);
    }

    /** Encode a positive number so that ASCII order is numeric order: exponent, then significant digits. */
    private static String positive(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        String digits = s.unscaledValue().toString();
        int exponent = digits.length() - s.scale();
        return pad(exponent + 5000, 4) + digits;
    }

    /** Encode a negative number by its magnitude {@code m}: larger magnitudes first. */
    private static String negative(BigDecimal m) {
        BigDecimal s = m.stripTrailingZeros();
        String digits = s.unscaledValue().toString();
        int exponent = digits.length() - s.scale();
        StringBuilder inverted = new StringBuilder(pad(9999 - (exponent + 5000), 4));
        for (int i = 0; i < digits.length(); i++) {
            inverted.append((char) ('9' - digits.charAt(i) + '0'));
        }
        return inverted.append('z').toString();
    }

    private static String nonNegative(BigDecimal x) {
        return x.signum() == 0 ? "0" : "1" + positive(x);
    }

    private static String pad(int value, int width) {
        String text = Integer.toString(Math.max(0, value));
        return "0".repeat(Math.max(0, width - text.length())) + text;
    }
}
