package dev.hype.pm.ops;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a package command that cannot proceed as asked: a frozen lockfile that would change, an unknown name. */
public final class OperationException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** Create the error with its stable code, message and hints. */
    public OperationException(String code, String message, List<String> hints) {
        super(code, message, hints);
    }

    /** Create the error with its stable code, message, hints and cause. */
    public OperationException(String code, String message, List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
    }
}
