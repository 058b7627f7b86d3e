package dev.hype.registry.server;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a registry server that cannot start or stop. */
public class RegistryException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** The server cannot bind its address or create its storage. */
    public static final String E_REGISTRY_START = "E_REGISTRY_START";

    /** Create an error with a code, a message, hints and an optional cause. */
    public RegistryException(String code, String message, List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
    }
}
