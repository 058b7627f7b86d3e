package dev.hype.pm.resolve;

/** Say why an incompatibility holds: where it came from in the problem, or how it was derived. */
sealed interface Cause {
    /** The root package must be selected. */
    record Root() implements Cause {
    }

    /** A package version depends on another package. */
    record Dependency() implements Cause {
    }

    /** No published version matches a constraint. */
    record NoVersions() implements Cause {
    }

    /** No version in a range has a feature (or optional dependency), though some versions of the package match. */
    record NoFeature() implements Cause {
    }

    /** A feature of one package version cannot be used: its entries name what the version lacks. */
    record InvalidFeature(String reason) implements Cause {
    }

    /** A package does not exist in the source. */
    record NotFound(String reason) implements Cause {
    }

    /** Derived by resolution from two other incompatibilities. */
    record Conflict(Incompatibility conflict, Incompatibility other) implements Cause {
    }
}
