package dev.hype.pm.install;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report an install that could not build or swap in {@code hype_modules/}; the previous tree is left as it was. */
public final class InstallException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** Code of a failed write to the project's install tree. */
    public static final String CODE = "E_INSTALL";

    /** Create the error. */
    public InstallException(String message, Throwable cause) {
        super(CODE, message, List.of("the previous hype_modules/ and hype-lock.json were left unchanged"), cause);
    }
}
