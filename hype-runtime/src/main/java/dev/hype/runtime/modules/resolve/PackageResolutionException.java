package dev.hype.runtime.modules.resolve;

import dev.hype.runtime.HypeException;
import java.nio.file.Path;
import java.util.List;

/**
 * Report a failure of {@code exports} or {@code imports} resolution, with Node's error codes:
 * {@code ERR_PACKAGE_PATH_NOT_EXPORTED}, {@code ERR_PACKAGE_IMPORT_NOT_DEFINED},
 * {@code ERR_INVALID_PACKAGE_TARGET} and {@code ERR_INVALID_MODULE_SPECIFIER}.
 */
public final class PackageResolutionException extends HypeException {
    private static final long serialVersionUID = 1L;

    private PackageResolutionException(String code, String message) {
        super(code, message, List.of());
    }

    static PackageResolutionException notExported(String subpath, Path manifest, String packageName) {
        String what = subpath.equals(".") ? "no \"exports\" main defined"
                : "package subpath '" + subpath + "' is not defined by \"exports\"";
        return new PackageResolutionException("ERR_PACKAGE_PATH_NOT_EXPORTED",
                what + " in " + manifest + (packageName == null ? "" : " (package '" + packageName + "')"));
    }

    static PackageResolutionException importNotDefined(String specifier, Path manifest, Path from) {
        return new PackageResolutionException("ERR_PACKAGE_IMPORT_NOT_DEFINED",
                "package import specifier '" + specifier + "' is not defined"
                        + (manifest == null ? "" : " in " + manifest) + " imported from " + from);
    }

    static PackageResolutionException invalidTarget(String key, Object target, Path manifest, boolean imports) {
        return new PackageResolutionException("ERR_INVALID_PACKAGE_TARGET",
                "invalid \"" + (imports ? "imports" : "exports") + "\" target " + target + " defined for '" + key
                        + "' in " + manifest + (imports ? "" : "; targets must start with \"./\""));
    }

    static PackageResolutionException invalidSpecifier(String specifier, String reason, Path from) {
        return new PackageResolutionException("ERR_INVALID_MODULE_SPECIFIER",
                "invalid module specifier '" + specifier + "': " + reason + (from == null ? "" : " (from " + from + ")"));
    }
}
