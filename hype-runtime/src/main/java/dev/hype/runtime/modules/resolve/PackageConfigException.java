package dev.hype.runtime.modules.resolve;

import dev.hype.runtime.HypeException;
import java.nio.file.Path;
import java.util.List;

/** Report a {@code hype.json} that is not valid JSON or whose fields have the wrong shape. */
public final class PackageConfigException extends HypeException {
    private static final long serialVersionUID = 1L;

    PackageConfigException(String message) {
        super("ERR_INVALID_PACKAGE_CONFIG", message, List.of());
    }

    static PackageConfigException invalidJson(Path file, long line, long column, String detail) {
        return new PackageConfigException("invalid JSON in " + file + " at line " + line + ", column " + column
                + ": " + detail);
    }

    static PackageConfigException invalidField(Path file, String field, String problem) {
        return new PackageConfigException("invalid field \"" + field + "\" in " + file + ": " + problem);
    }
}
