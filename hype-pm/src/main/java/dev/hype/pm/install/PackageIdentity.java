package dev.hype.pm.install;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.store.PackageRef;
import dev.hype.runtime.HypeException;
import dev.hype.runtime.TerminalText;
import java.nio.file.Path;
import java.util.List;

/**
 * Check that an unpacked package is the one it is installed as: the {@code name} and {@code version} of the
 * {@code hype.json} (and {@code package.json}) in its tarball are a valid name and the name and version the
 * resolution chose. A lockfile or a registry that maps a name to another package's tarball is refused before
 * anything is installed.
 */
public final class PackageIdentity {
    /** Code of a tarball whose manifest names another package or version. */
    public static final String E_IDENTITY = "E_PACKAGE_IDENTITY";

    private PackageIdentity() {
    }

    /**
     * Check the package unpacked in {@code packageDirectory} against {@code ref}.
     *
     * @throws HypeException {@link #E_IDENTITY}, or {@link PackageName#E_INVALID_NAME} for a name that is not valid
     */
    public static void check(Path packageDirectory, PackageRef ref) {
        check(packageDirectory, ref, InstallMarker.readJson(packageDirectory.resolve("hype.json")));
    }

    /**
     * Check the package unpacked in {@code packageDirectory} against {@code ref}, with its {@code hype.json} already
     * parsed ({@code null} when it has none or it is not JSON), so that an install parses that file once.
     *
     * @throws HypeException {@link #E_IDENTITY}, or {@link PackageName#E_INVALID_NAME} for a name that is not valid
     */
    public static void check(Path packageDirectory, PackageRef ref, JsonNode hypeJson) {
        check("hype.json", hypeJson, ref);
        check("package.json", InstallMarker.readJson(packageDirectory.resolve("package.json")), ref);
    }

    private static void check(String file, JsonNode manifest, PackageRef ref) {
        if (manifest == null || !manifest.isObject()) {
            return;
        }
        String where = "the " + file + " in the tarball of " + ref.label() + " (" + ref.tarball() + ")";
        JsonNode name = manifest.get("name");
        if (name != null && !name.isNull()) {
            if (!name.isTextual()) {
                throw mismatch(where + " has a \"name\" that is not a string", ref);
            }
            PackageName.require(name.textValue(), where);
            if (!name.textValue().equals(ref.name())) {
                throw mismatch(where + " names the package \"" + TerminalText.escape(name.textValue()) + "\"", ref);
            }
        }
        JsonNode version = manifest.get("version");
        if (version != null && version.isTextual() && !version.textValue().equals(ref.version().toString())) {
            throw mismatch(where + " is version \"" + TerminalText.escape(version.textValue()) + "\"", ref);
        }
    }

    private static HypeException mismatch(String message, PackageRef ref) {
        return new HypeException(E_IDENTITY, message + ", not " + ref.label(),
                List.of("the lockfile or the registry maps " + ref.name() + " to another package's tarball; nothing was"
                        + " installed", "check the 'resolved' and 'integrity' of " + ref.name() + " in hype-lock.json"));
    }
}
