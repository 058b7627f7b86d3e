package dev.hype.pm.sign;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a missing or invalid signature, or an unusable key file. */
public final class SignatureException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** Code of a package that lacks a valid signature from a trusted key. */
    public static final String E_SIGNATURE = "E_SIGNATURE";
    /** Code of a key file that cannot be read or is not an Ed25519 key. */
    public static final String E_KEY = "E_KEY";

    SignatureException(String code, String message, List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
    }
}
