package dev.hype.cli;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a bad command-line argument; exits with status 2, as every {@code E_USAGE} error does. */
final class UsageException extends HypeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        this(message, List.of("run 'hype --help' for usage"));
    }

    UsageException(String message, List<String> hints) {
        super("E_USAGE", message, hints);
    }
}
