package dev.hype.pm.pack;

import dev.hype.runtime.HypeException;
import java.util.List;

/**
 * Report a package that cannot be packed, or a tarball that is corrupt, unsafe or fails its
 * integrity check.
 */
public class PackException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** The project directory cannot be packed (missing or invalid {@code hype.json}, I/O). */
    public static final String E_PACK = "E_PACK";
    /** The tarball is truncated or not a gzip'd tar. */
    public static final String E_TARBALL_CORRUPT = "E_TARBALL_CORRUPT";
    /** A tarball entry would escape the target or is not a plain file or directory. */
    public static final String E_TARBALL_UNSAFE = "E_TARBALL_UNSAFE";
    /** The tarball's digest does not match the expected integrity. */
    public static final String E_INTEGRITY = "E_INTEGRITY";

    /** Create an error with a code, a message and hints. */
    public PackException(String code, String message, List<String> hints) {
        super(code, message, hints);
    }

    /** Create an error with a code, a message, hints and a cause. */
    public PackException(String code, String message, List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
    }

    /** Create an error with a code and a message. */
    public PackException(String code, String message) {
        super(code, message);
    }
}
