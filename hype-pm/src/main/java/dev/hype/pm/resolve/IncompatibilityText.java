package dev.hype.pm.resolve;

import java.util.List;
import java.util.stream.Collectors;

/** Phrase incompatibilities in English, alone or in pairs, as pub's failure reports do. */
final class IncompatibilityText {
    private final String root;

    IncompatibilityText(String root) {
        this.root = root;
    }

    String describe(Incompatibility in) {
        List<Term> terms = in.terms;
        switch (in.cause) {
            case Cause.Dependency d when terms.size() == 1 -> {
                return terse(terms.getFirst(), false) + " depends on a version of itself it excludes";
            }
            case Cause.Dependency d when terms.size() == 2 -> {
                return terse(terms.get(0), true) + " depends on " + terse(terms.get(1), false);
            }
            case Cause.NoVersions n -> {
                return "no versions of " + FeatureNode.base(terms.getFirst().pkg()) + " match " + terms.getFirst().set();
            }
            case Cause.NoFeature n -> {
                Term t = terms.getFirst();
                String dependency = FeatureNode.optionalDependency(t.pkg());
                return FeatureNode.base(t.pkg()) + " " + t.set() + (dependency != null
                        ? " has no optional dependency " + dependency
                        : " has no feature \"" + FeatureNode.feature(t.pkg()) + "\"");
            }
            case Cause.InvalidFeature i -> {
                Term t = terms.getFirst();
                return "feature \"" + FeatureNode.feature(t.pkg()) + "\" of " + FeatureNode.base(t.pkg()) + " "
                        + t.set() + " is invalid: " + i.reason();
            }
            case Cause.NotFound n -> {
                return FeatureNode.base(terms.getFirst().pkg()) + " doesn't exist (" + n.reason() + ")";
            }
            case Cause.Root r -> {
                return terms.getFirst().pkg() + " is " + terms.getFirst().set();
            }
            default -> {
            }
        }
        if (in.isFailure(root)) {
            return "version solving failed";
        }
        if (terms.size() == 1) {
            Term t = terms.getFirst();
            String subject = t.set().isAny() ? name(t) : terse(t, false);
            return subject + " is " + (t.positive() ? "forbidden" : "required");
        }
        if (terms.size() == 2 && terms.get(0).positive() == terms.get(1).positive()) {
            Term t1 = terms.get(0);
            Term t2 = terms.get(1);
            if (t1.positive()) {
                String p1 = t1.set().isAny() ? name(t1) : terse(t1, false);
                String p2 = t2.set().isAny() ? name(t2) : terse(t2, false);
                return p1 + " is incompatible with " + p2;
            }
            return "either " + terse(t1, false) + " or " + terse(t2, false);
        }
        List<Term> positive = terms.stream().filter(Term::positive).toList();
        List<Term> negative = terms.stream().filter(t -> !t.positive()).toList();
        if (!positive.isEmpty() && !negative.isEmpty()) {
            if (positive.size() == 1) {
                return terse(positive.getFirst(), true) + " requires " + join(negative, " or ");
            }
            return "if " + join(positive, " and ") + " then " + join(negative, " or ");
        } else if (!positive.isEmpty()) {
            return "one of " + join(positive, " or ") + " must be false";
        }
        return "one of " + join(negative, " or ") + " must be true";
    }

    /** Phrase two incompatibilities that together imply a third, with optional line numbers. */
    String and(Incompatibility a, Incompatibility b, Integer aLine, Integer bLine) {
        String text = requiresBoth(a, b, aLine, bLine);
        if (text == null) {
            text = requiresThrough(a, b, aLine, bLine);
        }
        if (text == null) {
            text = requiresForbidden(a, b, aLine, bLine);
        }
        if (text == null) {
            text = describe(a) + line(aLine) + " and " + describe(b) + line(bLine);
        }
        return text;
    }

    private String requiresBoth(Incompatibility a, Incompatibility b, Integer aLine, Integer bLine) {
        if (a.terms.size() == 1 || b.terms.size() == 1) {
            return null;
        }
        Term aPositive = single(a, true);
        Term bPositive = single(b, true);
        if (aPositive == null || bPositive == null || !aPositive.pkg().equals(bPositive.pkg())) {
            return null;
        }
        boolean dependency = a.cause instanceof Cause.Dependency && b.cause instanceof Cause.Dependency;
        return terse(aPositive, true) + (dependency ? " depends on" : " requires") + " both "
                + join(negatives(a), " or ") + line(aLine) + " and " + join(negatives(b), " or ") + line(bLine);
    }

    private String requiresThrough(Incompatibility a, Incompatibility b, Integer aLine, Integer bLine) {
        if (a.terms.size() == 1 || b.terms.size() == 1) {
            return null;
        }
        Term aNegative = single(a, false);
        Term bNegative = single(b, false);
        if (aNegative == null && bNegative == null) {
            return null;
        }
        Term aPositive = single(a, true);
        Term bPositive = single(b, true);
        Incompatibility prior;
        Term priorNegative;
        Integer priorLine;
        Incompatibility latter;
        Integer latterLine;
        if (aNegative != null && bPositive != null && aNegative.pkg().equals(bPositive.pkg())
                && aNegative.inverse().satisfies(bPositive)) {
            prior = a;
            priorNegative = aNegative;
            priorLine = aLine;
            latter = b;
            latterLine = bLine;
        } else if (bNegative != null && aPositive != null && bNegative.pkg().equals(aPositive.pkg())
                && bNegative.inverse().satisfies(aPositive)) {
            prior = b;
            priorNegative = bNegative;
            priorLine = bLine;
            latter = a;
            latterLine = aLine;
        } else {
            return null;
        }
        List<Term> priorPositives = prior.terms.stream().filter(Term::positive).toList();
        StringBuilder text = new StringBuilder();
        if (priorPositives.size() > 1) {
            text.append("if ").append(join(priorPositives, " or ")).append(" then ");
        } else {
            text.append(terse(priorPositives.getFirst(), true))
                    .append(prior.cause instanceof Cause.Dependency ? " depends on " : " requires ");
        }
        text.append(terse(priorNegative, false)).append(line(priorLine)).append(" which ")
                .append(latter.cause instanceof Cause.Dependency ? "depends on " : "requires ")
                .append(join(negatives(latter), " or ")).append(line(latterLine));
        return text.toString();
    }

    private String requiresForbidden(Incompatibility a, Incompatibility b, Integer aLine, Integer bLine) {
        if (a.terms.size() != 1 && b.terms.size() != 1) {
            return null;
        }
        Incompatibility prior = a.terms.size() == 1 ? b : a;
        Incompatibility latter = a.terms.size() == 1 ? a : b;
        Integer priorLine = a.terms.size() == 1 ? bLine : aLine;
        Integer latterLine = a.terms.size() == 1 ? aLine : bLine;
        Term negative = single(prior, false);
        if (negative == null || !negative.inverse().satisfies(latter.terms.getFirst())) {
            return null;
        }
        List<Term> positives = prior.terms.stream().filter(Term::positive).toList();
        StringBuilder text = new StringBuilder();
        if (positives.size() > 1) {
            text.append("if ").append(join(positives, " or ")).append(" then ");
        } else {
            text.append(terse(positives.getFirst(), true))
                    .append(prior.cause instanceof Cause.Dependency ? " depends on " : " requires ");
        }
        text.append(terse(latter.terms.getFirst(), false)).append(line(priorLine));
        switch (latter.cause) {
            case Cause.NoVersions n -> text.append(" which doesn't match any versions");
            case Cause.NotFound n -> text.append(" which doesn't exist (").append(n.reason()).append(")");
            case Cause.NoFeature n -> text.append(" but ").append(FeatureNode.base(latter.terms.getFirst().pkg()))
                    .append(" ").append(latter.terms.getFirst().set()).append(" has no such ")
                    .append(FeatureNode.optionalDependency(latter.terms.getFirst().pkg()) == null ? "feature"
                            : "optional dependency");
            case Cause.InvalidFeature i -> text.append(" which is invalid (").append(i.reason()).append(")");
            default -> text.append(" which is forbidden");
        }
        return text.append(line(latterLine)).toString();
    }

    private static Term single(Incompatibility in, boolean positive) {
        Term found = null;
        for (Term t : in.terms) {
            if (t.positive() == positive) {
                if (found != null) {
                    return null;
                }
                found = t;
            }
        }
        return found;
    }

    private static List<Term> negatives(Incompatibility in) {
        return in.terms.stream().filter(t -> !t.positive()).toList();
    }

    private String join(List<Term> terms, String separator) {
        return terms.stream().map(t -> terse(t, false)).collect(Collectors.joining(separator));
    }

    private static String line(Integer number) {
        return number == null ? "" : " (" + number + ")";
    }

    /**
     * Name a term's package and versions; the root by name alone; "every version of" when allowed. A feature node
     * reads "a ^1.0.0 with feature "tls"", a {@code dep:name} node "a ^1.0.0 with optional dependency b".
     */
    String terse(Term term, boolean allowEvery) {
        if (term.pkg().equals(root)) {
            return root;
        }
        String pkg = FeatureNode.base(term.pkg());
        if (allowEvery && term.set().isAny()) {
            return "every version of " + pkg + suffix(term);
        }
        return pkg + " " + term.set() + suffix(term);
    }

    /** Name a term's package without versions, as "a with feature "tls"" for a feature node. */
    private static String name(Term term) {
        return FeatureNode.base(term.pkg()) + suffix(term);
    }

    private static String suffix(Term term) {
        String feature = FeatureNode.feature(term.pkg());
        if (feature == null) {
            return "";
        }
        String dependency = FeatureNode.optionalDependency(term.pkg());
        return dependency != null ? " with optional dependency " + dependency : " with feature \"" + feature + "\"";
    }
}
