package dev.hype.pm.semver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Desugar one comparator set of a range into primitive comparators, step by step as node-semver does.
 *
 * <p>Order of steps: strip build metadata, expand a hyphen range, glue operators to their versions,
 * then per token expand {@code ^}, {@code ~}, x-ranges and stars, and drop {@code >=0.0.0}.
 */
final class RangeParser {
    private static final Pattern LYRA = Pattern.compile("^([^\\s.][^\\s]*?)\\s*\\.\\.\\s*([^\\s]+)$");

    private final boolean loose;
    private final boolean includePrerelease;

    RangeParser(RangeOptions options) {
        this.loose = options.loose();
        this.includePrerelease = options.includePrerelease();
    }

    /** Parse one {@code ||}-separated piece; return empty when nothing of it survives (loose mode). */
    Optional<List<Comparator>> parseSet(String piece) {
        String range = lyra(piece);
        range = SemverGrammar.BUILD_STRIP.matcher(range).replaceAll("");
        range = hyphen(range);
        range = SemverGrammar.COMPARATOR_TRIM.matcher(range).replaceAll("$1$2$3");
        range = SemverGrammar.TILDE_TRIM.matcher(range).replaceAll("$1~");
        range = SemverGrammar.CARET_TRIM.matcher(range).replaceAll("$1^");
        List<String> desugared = new ArrayList<>();
        for (String token : range.split(" ", -1)) {
            desugared.add(desugar(token));
        }
        List<String> tokens = new ArrayList<>();
        for (String token : SemverGrammar.SPACES.split(String.join(" ", desugared), -1)) {
            String trimmed = SemverGrammar.jsTrim(token);
            Pattern gte0 = includePrerelease ? SemverGrammar.GTE0_PRE : SemverGrammar.GTE0;
            String value = gte0.matcher(trimmed).replaceFirst("");
            if (!loose || SemverGrammar.COMPARATOR_LOOSE.matcher(value).matches()) {
                tokens.add(value);
            }
        }
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        List<Comparator> comparators = tokens.stream().map(this::comparator).toList();
        Map<String, Comparator> unique = new LinkedHashMap<>();
        for (Comparator comparator : comparators) {
            if (Range.isNullSet(comparator)) {
                return Optional.of(List.of(comparator));
            }
            unique.put(comparator.toString(), comparator);
        }
        if (unique.size() > 1) {
            unique.remove("");
        }
        return Optional.of(List.copyOf(unique.values()));
    }

    /** Rewrite the Lyra form {@code MIN..MAX} into {@code >=MIN <=MAX}. */
    private static String lyra(String piece) {
        Matcher m = LYRA.matcher(piece);
        return m.matches() ? ">=" + m.group(1) + " <=" + m.group(2) : piece;
    }

    private Comparator comparator(String token) {
        String comp = String.join(" ", SemverGrammar.SPACES.split(SemverGrammar.jsTrim(token), -1));
        Matcher m = (loose ? SemverGrammar.COMPARATOR_LOOSE : SemverGrammar.COMPARATOR).matcher(comp);
        if (!m.matches()) {
            throw new SemverException(SemverException.INVALID_RANGE, "invalid comparator: " + comp);
        }
        String operator = m.group(1) == null || m.group(1).equals("=") ? "" : m.group(1);
        if (m.group(2) == null || m.group(2).isEmpty()) {
            return Comparator.ANY;
        }
        Version version = Version.tryParse(m.group(2), loose)
                .orElseThrow(() -> new SemverException(SemverException.INVALID_RANGE, "invalid comparator: " + comp));
        return new Comparator(operator, version);
    }

    private String desugar(String token) {
        String comp = SemverGrammar.BUILD_FIRST.matcher(token).replaceFirst("");
        comp = eachWord(comp, this::caret);
        comp = eachWord(comp, this::tilde);
        comp = eachWord(comp, this::xrange);
        return SemverGrammar.STAR.matcher(SemverGrammar.jsTrim(comp)).replaceFirst("");
    }

    private static String eachWord(String comp, java.util.function.UnaryOperator<String> step) {
        List<String> out = new ArrayList<>();
        for (String word : SemverGrammar.SPACES.split(SemverGrammar.jsTrim(comp), -1)) {
            out.add(step.apply(word));
        }
        return String.join(" ", out);
    }

    private String caret(String comp) {
        Matcher m = (loose ? SemverGrammar.CARET_LOOSE : SemverGrammar.CARET).matcher(comp);
        if (!m.matches()) {
            return comp;
        }
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pre = m.group(4);
        String z = includePrerelease ? "-0" : "";
        if (isX(major)) {
            return "";
        } else if (isX(minor)) {
            return ">=" + major + ".0.0" + z + " <" + plusOne(major) + ".0.0-0";
        } else if (isX(patch)) {
            String upper = major.equals("0") ? major + "." + plusOne(minor) + ".0-0" : plusOne(major) + ".0.0-0";
            return ">=" + major + "." + minor + ".0" + z + " <" + upper;
        }
        String lower = ">=" + major + "." + minor + "." + patch + (pre != null && !pre.isEmpty() ? "-" + pre : "");
        String upper;
        if (major.equals("0")) {
            upper = minor.equals("0") ? major + "." + minor + "." + plusOne(patch) + "-0"
                    : major + "." + plusOne(minor) + ".0-0";
        } else {
            upper = plusOne(major) + ".0.0-0";
        }
        return lower + " <" + upper;
    }

    private String tilde(String comp) {
        Matcher m = (loose ? SemverGrammar.TILDE_LOOSE : SemverGrammar.TILDE).matcher(comp);
        if (!m.matches()) {
            return comp;
        }
        String major = m.group(1);
        String minor = m.group(2);
        String patch = m.group(3);
        String pre = m.group(4);
        String z = includePrerelease ? "-0" : "";
        if (isX(major)) {
            return "";
        } else if (isX(minor)) {
            return ">=" + major + ".0.0" + z + " <" + plusOne(major) + ".0.0-0";
        } else if (isX(patch)) {
            return ">=" + major + "." + minor + ".0" + z + " <" + major + "." + plusOne(minor) + ".0-0";
        }
        String lower = ">=" + major + "." + minor + "." + patch + (pre != null && !pre.isEmpty() ? "-" + pre : "");
        return lower + " <" + major + "." + plusOne(minor) + ".0-0";
    }

    private String xrange(String word) {
        String comp = SemverGrammar.jsTrim(word);
        Matcher m = (loose ? SemverGrammar.XRANGE_LOOSE : SemverGrammar.XRANGE).matcher(comp);
        if (!m.matches()) {
            return comp;
        }
        String gtlt = m.group(1);
        String major = m.group(2);
        String minor = m.group(3);
        String patch = m.group(4);
        if ((isX(major) && !isX(minor)) || (isX(minor) && patch != null && !patch.isEmpty() && !isX(patch))) {
            return comp;
        }
        boolean xMajor = isX(major);
        boolean xMinor = xMajor || isX(minor);
        boolean anyX = xMinor || isX(patch);
        if (gtlt.equals("=") && anyX) {
            gtlt = "";
        }
        String pr = includePrerelease ? "-0" : "";
        if (xMajor) {
            return gtlt.equals(">") || gtlt.equals("<") ? "<0.0.0-0" : "*";
        } else if (!gtlt.isEmpty() && anyX) {
            String mi = xMinor ? "0" : minor;
            String ma = major;
            if (gtlt.equals(">")) {
                gtlt = ">=";
                if (xMinor) {
                    ma = plusOne(major);
                    mi = "0";
                } else {
                    mi = plusOne(minor);
                }
            } else if (gtlt.equals("<=")) {
                gtlt = "<";
                if (xMinor) {
                    ma = plusOne(major);
                } else {
                    mi = plusOne(minor);
                }
            }
            if (gtlt.equals("<")) {
                pr = "-0";
            }
            return gtlt + ma + "." + mi + ".0" + pr;
        } else if (xMinor) {
            return ">=" + major + ".0.0" + pr + " <" + plusOne(major) + ".0.0-0";
        } else if (anyX) {
            return ">=" + major + "." + minor + ".0" + pr + " <" + major + "." + plusOne(minor) + ".0-0";
        }
        return comp;
    }

    private String hyphen(String range) {
        Matcher m = (loose ? SemverGrammar.HYPHEN_LOOSE : SemverGrammar.HYPHEN).matcher(range);
        if (!m.matches()) {
            return range;
        }
        String z = includePrerelease ? "-0" : "";
        String from;
        if (isX(m.group(2))) {
            from = "";
        } else if (isX(m.group(3))) {
            from = ">=" + m.group(2) + ".0.0" + z;
        } else if (isX(m.group(4))) {
            from = ">=" + m.group(2) + "." + m.group(3) + ".0" + z;
        } else if (m.group(5) != null && !m.group(5).isEmpty()) {
            from = ">=" + m.group(1);
        } else {
            from = ">=" + m.group(1) + z;
        }
        String to;
        if (isX(m.group(8))) {
            to = "";
        } else if (isX(m.group(9))) {
            to = "<" + plusOne(m.group(8)) + ".0.0-0";
        } else if (isX(m.group(10))) {
            to = "<" + m.group(8) + "." + plusOne(m.group(9)) + ".0-0";
        } else if (m.group(11) != null && !m.group(11).isEmpty()) {
            to = "<=" + m.group(8) + "." + m.group(9) + "." + m.group(10) + "-" + m.group(11);
        } else if (includePrerelease) {
            to = "<" + m.group(8) + "." + m.group(9) + "." + plusOne(m.group(10)) + "-0";
        } else {
            to = "<=" + m.group(7);
        }
        return SemverGrammar.jsTrim(from + " " + to);
    }

    private static boolean isX(String id) {
        return id == null || id.isEmpty() || id.equalsIgnoreCase("x") || id.equals("*");
    }

    private static String plusOne(String digits) {
        return new BigInteger(digits).add(BigInteger.ONE).toString();
    }
}
