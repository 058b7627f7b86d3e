package dev.hype.pm.rocks;

import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hold a LuaRocks version constraint list, such as {@code >= 1.0, < 2.0} or {@code ~> 5.1}, read as LuaRocks'
 * {@code luarocks.queries} reads the part of a dependency after the name.
 *
 * <p>Operators: {@code ==}, {@code ~=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ~>} (the given
 * components match, the rest is free), plus {@code =} and no operator for {@code ==} and {@code !=} for
 * {@code ~=}. Constraints are joined by commas or spaces and must all hold. An empty text, or {@code *}, allows
 * every version.
 *
 * @param text the constraints as written
 * @param parts the constraints, in order
 */
public record RockConstraint(String text, List<Part> parts) {
    private static final Pattern ONE = Pattern.compile("^(@?)([<>=~!]*)\\s*([A-Za-z0-9._-]+)[\\s,]*(.*)$",
            Pattern.DOTALL);

    /** Copy the parts. */
    public RockConstraint {
        parts = List.copyOf(parts);
    }

    /** The operators LuaRocks compares with. */
    public enum Operator {
        /** {@code ==}: the same components, and the same revision when the constraint names one. */
        EQ("=="),
        /** {@code ~=}: not {@code ==}. */
        NE("~="),
        /** {@code <}. */
        LT("<"),
        /** {@code <=}. */
        LE("<="),
        /** {@code >}. */
        GT(">"),
        /** {@code >=}. */
        GE(">="),
        /** {@code ~>}: the components the constraint gives are equal; later ones are free. */
        PARTIAL("~>");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** Return the operator as LuaRocks writes it. */
        public String symbol() {
            return symbol;
        }

        static Optional<Operator> of(String text) {
            return switch (text) {
                case "==", "=", "" -> Optional.of(EQ);
                case "~=", "!=" -> Optional.of(NE);
                case "<" -> Optional.of(LT);
                case "<=" -> Optional.of(LE);
                case ">" -> Optional.of(GT);
                case ">=" -> Optional.of(GE);
                case "~>" -> Optional.of(PARTIAL);
                default -> Optional.empty();
            };
        }
    }

    /**
     * One constraint.
     *
     * @param operator how to compare
     * @param version what to compare with
     */
    public record Part(Operator operator, RockVersion version) {
        /** Return whether {@code v} satisfies this constraint, as {@code vers.match_constraints} decides. */
        public boolean matches(RockVersion v) {
            return switch (operator) {
                case EQ -> v.luaEquals(version);
                case NE -> !v.luaEquals(version);
                case LT -> v.compareTo(version) < 0;
                case LE -> version.compareTo(v) >= 0;
                case GT -> version.compareTo(v) < 0;
                case GE -> v.compareTo(version) >= 0;
                case PARTIAL -> partialMatch(v);
            };
        }

        private boolean partialMatch(RockVersion v) {
            for (int i = 0; i < version.components().size(); i++) {
                if (version.components().get(i).compareTo(v.component(i)) != 0) {
                    return false;
                }
            }
            return !version.hasRevision() || v.hasRevision() && version.revision().compareTo(v.revision()) == 0;
        }

        @Override
        public String toString() {
            return operator == Operator.EQ ? version.text() : operator.symbol() + " " + version.text();
        }
    }

    /**
     * Parse constraints as {@code queries.from_dep_string} parses what follows the name.
     *
     * @throws RockException {@link RockException#E_ROCK_CONSTRAINT} naming the text when it is not a constraint list
     */
    public static RockConstraint parse(String text) {
        String rest = text.strip();
        List<Part> parts = new ArrayList<>();
        if (rest.equals("*")) {
            rest = "";
        }
        while (!rest.isEmpty()) {
            Matcher m = ONE.matcher(rest);
            if (!m.matches()) {
                throw RockException.badConstraint(text, "expected an operator and a version at '" + rest + "'");
            }
            Operator op = Operator.of(m.group(2)).orElseThrow(() -> RockException.badConstraint(text,
                    "'" + m.group(2) + "' is not an operator (use ==, ~=, <, <=, >, >= or ~>)"));
            parts.add(new Part(op, RockVersion.parse(m.group(3))));
            rest = m.group(4);
        }
        return new RockConstraint(text.strip(), parts);
    }

    /** Return why {@code text} is not a constraint list a project can require, or empty when it is one. */
    public static Optional<String> problem(String text) {
        try {
            parse(text).toVersionSet();
            return Optional.empty();
        } catch (RockException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Return the constraint {@code hype pkg install rocks:NAME} writes for the version it chose: {@code == V} when
     * exact, else the rock's compatible versions as npm's {@code ^} reads them, in LuaRocks' {@code ~>} (up to the
     * first non-zero component: {@code 1.14.0-3} gives {@code ~> 1}, {@code 0.9.2-1} gives {@code ~> 0.9}), or
     * {@code >= V} for a version that is not plain numbers ({@code scm-1} gives {@code >= scm}).
     */
    public static String defaultFor(RockVersion version, boolean exact) {
        String text = version.text();
        if (exact) {
            return "== " + text;
        }
        String plain = version.hasRevision() ? text.substring(0, text.lastIndexOf('-')) : text;
        if (!plain.matches("\\d+(\\.\\d+)*")) {
            return ">= " + plain;
        }
        String[] parts = plain.split("\\.");
        int keep = parts.length;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("0+")) {
                keep = i + 1;
                break;
            }
        }
        return "~> " + String.join(".", java.util.Arrays.copyOf(parts, keep));
    }

    /** Return whether {@code v} satisfies every constraint. */
    public boolean matches(RockVersion v) {
        for (Part part : parts) {
            if (!part.matches(v)) {
                return false;
            }
        }
        return true;
    }

    /** Return whether every version is allowed. */
    public boolean isAny() {
        return parts.isEmpty();
    }

    /**
     * Return the encoded versions ({@link RockVersion#toVersion()}) that satisfy the constraints, labelled with the
     * text, for requirements whose candidates are not known yet (the project's own). It holds the versions
     * {@link #matches} accepts, except that {@code ==} and {@code ~=} compare components padded with zeros as
     * {@code <} does ({@code == 1.0} takes {@code 1.0.0-1}, which LuaRocks' {@code ==} refuses), and {@code ~>}
     * with a revision is refused.
     *
     * @throws RockException {@link RockException#E_ROCK_CONSTRAINT} for {@code ~>} with a revision
     */
    public VersionSet toVersionSet() {
        VersionSet set = VersionSet.any();
        for (Part part : parts) {
            set = set.intersection(interval(part));
        }
        return set.withLabel(isAny() ? "any" : text);
    }

    /** Return the exact set of {@code candidates} that satisfy the constraints, labelled with the text. */
    public VersionSet among(List<RockVersion> candidates) {
        VersionSet set = VersionSet.none();
        for (RockVersion v : candidates) {
            if (matches(v)) {
                set = set.union(VersionSet.exactly(v.toVersion()));
            }
        }
        return set.withLabel(isAny() ? "any" : text);
    }

    private VersionSet interval(Part part) {
        RockVersion c = part.version();
        List<String> prefix = RockKey.components(c);
        prefix.add(RockKey.END);
        if (c.hasRevision() && part.operator() != Operator.PARTIAL) {
            prefix.add(RockKey.revision(c.revision()));
        }
        Version at = RockKey.point(prefix, c.text());
        List<String> after = new ArrayList<>(prefix);
        after.add(RockKey.AFTER);
        Version past = RockKey.point(after, c.text());
        Version upTo = RockKey.point(after, "=" + c.text());
        return switch (part.operator()) {
            case GE -> VersionSet.above(at, true);
            case GT -> VersionSet.above(past, false);
            case LT -> VersionSet.below(at, false);
            case LE -> VersionSet.below(upTo, false);
            case EQ -> VersionSet.above(at, true).intersection(VersionSet.below(upTo, false));
            case NE -> VersionSet.above(at, true).intersection(VersionSet.below(upTo, false)).complement();
            case PARTIAL -> partial(c);
        };
    }

    /** Return every version whose first components are those of {@code c}: the run of token lists after them. */
    private static VersionSet partial(RockVersion c) {
        if (c.hasRevision()) {
            throw RockException.badConstraint("~> " + c.text(), "LuaRocks' ~> with a revision is not supported here;"
                    + " use == " + c.text() + ", or ~> without the revision");
        }
        int given = c.components().size();
        List<String> low = RockKey.components(c);
        List<String> high = new ArrayList<>(low);
        low.add(RockKey.firstAt(given + 1));
        high.add(RockKey.pastPositivesAfter(given));
        return VersionSet.above(RockKey.point(low, c.text()), true)
                .intersection(VersionSet.below(RockKey.point(high, nextPrefix(c)), false));
    }

    /** Return the smallest prefix after {@code c}'s, for messages: {@code 2.1} gives {@code 2.2}. */
    private static String nextPrefix(RockVersion c) {
        String text = c.text();
        Matcher m = Pattern.compile("^(.*?)(\\d+)$").matcher(text);
        if (m.matches()) {
            return m.group(1) + new java.math.BigInteger(m.group(2)).add(java.math.BigInteger.ONE);
        }
        return text + ".*";
    }

    /** Return the constraints as written. */
    @Override
    public String toString() {
        return text;
    }
}
