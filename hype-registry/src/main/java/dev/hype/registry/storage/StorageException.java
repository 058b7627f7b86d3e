package dev.hype.registry.storage;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report registry storage that cannot be read or written. */
public class StorageException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** The storage directory or one of its files cannot be read or written. */
    public static final String E_STORAGE = "E_REGISTRY_STORAGE";
    /** A package name is not valid. */
    public static final String E_INVALID_NAME = "E_INVALID_PACKAGE_NAME";

    /** Create an error with a code, a message, hints and an optional cause. */
    public StorageException(String code, String message, List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
    }
}
