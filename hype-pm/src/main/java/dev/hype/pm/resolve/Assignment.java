package dev.hype.pm.resolve;

/**
 * Record one step of the partial solution: a decision (no cause) or a derivation (with its cause).
 *
 * @param term the fact assigned
 * @param level the decision level it was made at
 * @param index its position in the partial solution
 * @param cause the incompatibility it was derived from, {@code null} for a decision
 */
record Assignment(Term term, int level, int index, Incompatibility cause) {
    boolean isDecision() {
        return cause == null;
    }
}
