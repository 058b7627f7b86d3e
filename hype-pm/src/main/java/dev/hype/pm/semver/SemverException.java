package dev.hype.pm.semver;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a version or range that cannot be parsed, or an impossible increment. */
public final class SemverException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** Code of an unparseable version. */
    public static final String INVALID_VERSION = "E_INVALID_VERSION";
    /** Code of an unparseable range. */
    public static final String INVALID_RANGE = "E_INVALID_RANGE";
    /** Code of an increment that node-semver also rejects. */
    public static final String INVALID_INCREMENT = "E_INVALID_INCREMENT";

    /** Create an error with a code and a message. */
    public SemverException(String code, String message) {
        super(code, message, List.of());
    }

    /** Create an error for an unparseable version. */
    static SemverException invalidVersion(String text) {
        return new SemverException(INVALID_VERSION, "invalid version: \"" + text + "\"");
    }

    /** Create an error for an unparseable range. */
    static SemverException invalidRange(String text) {
        return new SemverException(INVALID_RANGE, "invalid version range: \"" + text + "\"");
    }
}
