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

    /** Tell whether nothing is wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
