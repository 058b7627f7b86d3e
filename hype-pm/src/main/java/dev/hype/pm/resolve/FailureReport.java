package dev.hype.pm.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Write the derivation graph of a failed resolution as numbered English sentences, as pub does.
 *
 * <p>Incompatibilities used by more than one derivation, or concluding a branch, get a line number
 * {@code (n)} at the start of their line so later lines can refer back to them.
 */
final class FailureReport {
    private final Incompatibility failure;
    private final IncompatibilityText text;
    private final Map<Incompatibility, Integer> derivations = new IdentityHashMap<>();
    private final Map<Incompatibility, Integer> lineNumbers = new IdentityHashMap<>();
    private final List<Map.Entry<String, Integer>> lines = new ArrayList<>();

    FailureReport(Incompatibility failure, String root) {
        this.failure = failure;
        this.text = new IncompatibilityText(root);
    }

    String write() {
        countDerivations(failure);
        if (failure.cause instanceof Cause.Conflict) {
            visit(failure, false);
        } else {
            write(failure, "Because " + text.describe(failure) + ", version solving failed.", false);
        }
        int padding = lineNumbers.isEmpty() ? 0 : ("(" + lineNumbers.size() + ") ").length();
        StringBuilder out = new StringBuilder();
        boolean lastWasEmpty = false;
        for (var line : lines) {
            if (line.getKey().isEmpty()) {
                if (!lastWasEmpty) {
                    out.append('\n');
                }
                lastWasEmpty = true;
                continue;
            }
            lastWasEmpty = false;
            String prefix = line.getValue() == null ? " ".repeat(padding)
                    : String.format("%-" + padding + "s", "(" + line.getValue() + ")");
            out.append(prefix).append(line.getKey()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private void countDerivations(Incompatibility in) {
        Integer seen = derivations.get(in);
        if (seen != null) {
            derivations.put(in, seen + 1);
            return;
        }
        derivations.put(in, 1);
        if (in.cause instanceof Cause.Conflict c) {
            countDerivations(c.conflict());
            countDerivations(c.other());
        }
    }

    private void visit(Incompatibility in, boolean conclusion) {
        boolean numbered = conclusion || derivations.get(in) > 1;
        String conjunction = conclusion || in == failure ? "So," : "And";
        String result = text.describe(in);
        Cause.Conflict cause = (Cause.Conflict) in.cause;
        Incompatibility conflict = cause.conflict();
        Incompatibility other = cause.other();
        if (derived(conflict) && derived(other)) {
            Integer conflictLine = lineNumbers.get(conflict);
            Integer otherLine = lineNumbers.get(other);
            if (conflictLine != null && otherLine != null) {
                write(in, "Because " + text.and(conflict, other, conflictLine, otherLine) + ", " + result + ".", numbered);
            } else if (conflictLine != null || otherLine != null) {
                Incompatibility withLine = conflictLine != null ? conflict : other;
                Incompatibility withoutLine = conflictLine != null ? other : conflict;
                int line = conflictLine != null ? conflictLine : otherLine;
                visit(withoutLine, false);
                write(in, conjunction + " because " + text.describe(withLine) + " (" + line + "), " + result + ".", numbered);
            } else {
                boolean singleLineConflict = singleLine(conflict);
                boolean singleLineOther = singleLine(other);
                if (singleLineOther || singleLineConflict) {
                    Incompatibility first = singleLineOther ? conflict : other;
                    Incompatibility second = singleLineOther ? other : conflict;
                    visit(first, false);
                    visit(second, false);
                    write(in, "Thus, " + result + ".", numbered);
                } else {
                    visit(conflict, true);
                    lines.add(Map.entry("", -1));
                    visit(other, false);
                    write(in, conjunction + " because " + text.describe(conflict) + " (" + lineNumbers.get(conflict)
                            + "), " + result + ".", numbered);
                }
            }
        } else if (derived(conflict) || derived(other)) {
            Incompatibility derivedOne = derived(conflict) ? conflict : other;
            Incompatibility external = derived(conflict) ? other : conflict;
            Integer derivedLine = lineNumbers.get(derivedOne);
            if (derivedLine != null) {
                write(in, "Because " + text.and(external, derivedOne, null, derivedLine) + ", " + result + ".", numbered);
            } else if (collapsible(derivedOne)) {
                Cause.Conflict inner = (Cause.Conflict) derivedOne.cause;
                Incompatibility collapsedDerived = derived(inner.conflict()) ? inner.conflict() : inner.other();
                Incompatibility collapsedExternal = derived(inner.conflict()) ? inner.other() : inner.conflict();
                visit(collapsedDerived, false);
                write(in, conjunction + " because " + text.and(collapsedExternal, external, null, null) + ", "
                        + result + ".", numbered);
            } else {
                visit(derivedOne, false);
                write(in, conjunction + " because " + text.describe(external) + ", " + result + ".", numbered);
            }
        } else {
            write(in, "Because " + text.and(conflict, other, null, null) + ", " + result + ".", numbered);
        }
    }

    private boolean collapsible(Incompatibility in) {
        if (derivations.get(in) > 1) {
            return false;
        }
        Cause.Conflict cause = (Cause.Conflict) in.cause;
        if (derived(cause.conflict()) == derived(cause.other())) {
            return false;
        }
        Incompatibility complex = derived(cause.conflict()) ? cause.conflict() : cause.other();
        return !lineNumbers.containsKey(complex);
    }

    private static boolean singleLine(Incompatibility in) {
        Cause.Conflict cause = (Cause.Conflict) in.cause;
        return !derived(cause.conflict()) && !derived(cause.other());
    }

    private static boolean derived(Incompatibility in) {
        return in.cause instanceof Cause.Conflict;
    }

    private void write(Incompatibility in, String message, boolean numbered) {
        if (numbered) {
            int number = lineNumbers.size() + 1;
            lineNumbers.put(in, number);
            lines.add(new HashMap.SimpleEntry<>(message, number));
        } else {
            lines.add(new HashMap.SimpleEntry<>(message, null));
        }
    }
}
