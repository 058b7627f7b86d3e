package dev.hype.pm.resolve;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a package index file that cannot be read or does not have the expected shape. */
public final class IndexException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** Code of a malformed or unreadable index. */
    public static final String CODE = "E_INDEX";

    /** Create the error with a message naming the file and the faulty entry. */
    public IndexException(String message, Throwable cause) {
        super(CODE, message, List.of("the index has the shape {\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"b\": \"^1.0\"}}}}}"), cause);
    }
}
