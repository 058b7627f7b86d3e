package dev.hype.pm.lock;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a lockfile that cannot be read, is not valid JSON, or breaks the lockfile format. */
public final class LockfileException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** Code of an unreadable or invalid lockfile. */
    public static final String CODE = "E_LOCKFILE";

    /** Create the error with a message naming the file and, where known, the line and column. */
    public LockfileException(String message, Throwable cause) {
        super(CODE, message, List.of("fix the file by hand, or delete it and run 'hype pkg install' to recreate it"),
                cause);
    }
}
