package dev.hype.pm.ops;

import java.util.List;

/**
 * Hold what a check found.
 *
 * @param problems every problem, manifest first, then lockfile, then packages by name
 * @param packagesChecked how many installed packages were compared file by file
 */
public record CheckResult(List<CheckProblem> problems, int packagesChecked) {
    /** Copy the list. */
    public CheckResult {
        problems = List.copyOf(problems);
    }

    /** The command that repairs every problem a check finds outside {@code hype.json}. */
    public static final String REPAIR = "hype pkg install --force";

    /** Tell whether nothing is wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * Return how to repair what was found: {@value #REPAIR} reinstalls every package from store entries whose every
     * file it hashes (fetching damaged or missing ones again) and rewrites the lockfile to match {@code hype.json}.
     * Problems in {@code hype.json} itself need an edit, and a permission problem names its own remedy (an install
     * that asks for the approval).
     */
    public List<String> hints() {
        boolean repairable = problems.stream().anyMatch(p -> p.kind() != CheckProblem.Kind.MANIFEST
                && p.kind() != CheckProblem.Kind.PERMISSIONS);
        return repairable ? List.of("run '" + REPAIR + "' to reinstall every package from verified store entries")
                : List.of();
    }
}
