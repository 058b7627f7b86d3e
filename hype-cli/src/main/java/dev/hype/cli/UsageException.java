package dev.hype.cli;

import dev.hype.runtime.HypeException;

/** Report a bad command-line argument; exits with status 2. */
final class UsageException extends HypeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super("E_USAGE", message, java.util.List.of("run 'hype --help' for usage"));
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
