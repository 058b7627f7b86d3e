package dev.hype.runtime;

import java.util.List;

/**
 * Base of every error Hype reports to a user.
 *
 * <p>Each error carries a stable {@link #code()} (for example {@code MODULE_NOT_FOUND} or
 * {@code E_VERSION_CONFLICT}) and zero or more {@link #hints()}. Library code throws these and
 * never prints; the command line renders them in one place as {@code error: ...},
 * {@code caused by: ...} and {@code hint: ...}.
 */
public class HypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    // List.copyOf's lists are serializable; the declared type is not, hence the suppression.
    @SuppressWarnings("serial")
    private final List<String> hints;

    /** Create an error with a code, a message and optional hints. */
    public HypeException(String code, String message, List<String> hints) {
        this(code, message, hints, null);
    }

    /** Create an error with a code, a message, hints and a cause. */
    public HypeException(String code, String message, List<String> hints, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hints = List.copyOf(hints);
    }

    /** Create an error with a code and a message. */
    public HypeException(String code, String message) {
        this(code, message, List.of(), null);
    }

    /** Return the stable, machine-readable code of this error. */
    public String code() {
        return code;
    }

    /** Return the hints that tell the user what to do about this error. */
    public List<String> hints() {
        return hints;
    }

    /** Return the exit status the command line uses for this error: 2 for {@code E_USAGE} (as for a bad option), else 1. */
    public int exitCode() {
        return "E_USAGE".equals(code) ? 2 : 1;
    }
}
