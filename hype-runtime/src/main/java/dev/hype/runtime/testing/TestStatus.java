package dev.hype.runtime.testing;

/** The outcome of one test, as busted names them. */
public enum TestStatus {
    /** The test ran and every assertion held. */
    PASSED,
    /** An assertion failed. */
    FAILED,
    /** The test, a hook, or code outside any test raised an error. */
    ERROR,
    /** The test is pending: declared without a body, with {@code pending}, or it called {@code pending()}. */
    PENDING;

    /** Return whether this outcome fails the run. */
    public boolean failing() {
        return this == FAILED || this == ERROR;
    }

    static TestStatus fromLua(String name) {
        return switch (name) {
            case "passed" -> PASSED;
            case "failed" -> FAILED;
            case "pending" -> PENDING;
            default -> ERROR;
        };
    }
}
