package dev.hype.registry.auth;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a token or account operation that cannot be done. */
public class AuthException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** A user name is not valid. */
    public static final String E_INVALID_USER = "E_INVALID_USER";
    /** A token id prefix names more than one token. */
    public static final String E_AMBIGUOUS_TOKEN = "E_AMBIGUOUS_TOKEN";
    /** A token's CIDR range is not an address with an optional prefix length. */
    public static final String E_INVALID_CIDR = "E_INVALID_CIDR";
    /** The token or account file cannot be read or written. */
    public static final String E_AUTH_STORAGE = "E_REGISTRY_AUTH_STORAGE";

    /** Create an error with a code, a message, hints and an optional cause. */
    public AuthException(String code, String message, List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
    }
}
