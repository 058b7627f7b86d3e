package dev.hype.pm.store;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a package the store cannot provide: a failed download, a missing tarball, offline without it. */
public final class StoreException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** A tarball could not be fetched. */
    public static final String E_FETCH = "E_FETCH";
    /** Offline, and the store lacks the package. */
    public static final String E_OFFLINE = "E_OFFLINE";
    /** The store directory cannot be read or written. */
    public static final String E_STORE = "E_STORE";
    /** A store entry's files differ from what was unpacked, and it cannot be fetched again. */
    public static final String E_STORE_DAMAGED = "E_STORE_DAMAGED";
    /** No tarball location is known for a package version. */
    public static final String E_NO_DIST = "E_NO_DIST";

    /** Create an error with a code, a message and hints. */
    public StoreException(String code, String message, List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
    }

    /** Create an error with a code and a message. */
    public StoreException(String code, String message) {
        super(code, message);
    }
}
