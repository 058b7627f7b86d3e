package dev.hype.pm.install;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.HypeException;
import dev.hype.runtime.JsonTreeReader;
import dev.hype.runtime.permissions.PermissionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Read what an unpacked package asks to do at run time: the {@code permissions} of its own {@code hype.json}.
 *
 * <p>This copy is authoritative. It is covered by the tarball's integrity, it is what lands in {@code hype_modules/},
 * and it is what {@code hype pkg check} compares with the approval; the copy in the registry's version document is
 * only a preview for {@code hype pkg info}.
 */
public final class RequestedPermissions {
    /** Code of a package whose {@code hype.json} cannot be read for its permissions. */
    public static final String BAD_PERMISSIONS = "E_BAD_PERMISSIONS";

    private RequestedPermissions() {
    }

    /**
     * Return the permissions the package in {@code packageDirectory} asks for; none when it has no {@code hype.json}.
     *
     * @param label names the package in errors, such as {@code net-lib@1.0.0}
     * @throws HypeException {@link #BAD_PERMISSIONS} when the file is not JSON or its {@code permissions} is not the
     *     schema
     */
    public static PermissionSpec read(Path packageDirectory, String label) {
        Path file = packageDirectory.resolve("hype.json");
        if (!Files.isRegularFile(file)) {
            return PermissionSpec.NONE;
        }
        try {
            return read(Files.readAllBytes(file), label);
        } catch (IOException e) {
            throw bad(label, "cannot read its hype.json: " + e.getMessage());
        }
    }

    /**
     * Return the permissions a package's {@code hype.json}, given as its bytes, asks for; none for {@code null} (the
     * package has no {@code hype.json}).
     *
     * @throws HypeException {@link #BAD_PERMISSIONS} when the bytes are not JSON or the field is not the schema
     */
    public static PermissionSpec read(byte[] manifestBytes, String label) {
        return manifestBytes == null ? PermissionSpec.NONE : of(parse(manifestBytes, label), label);
    }

    /**
     * Parse a package's {@code hype.json}, given as its bytes, once for all that an install reads from it (its
     * permissions, its identity, its bins).
     *
     * @throws HypeException {@link #BAD_PERMISSIONS} when the bytes are not JSON
     */
    public static JsonNode parse(byte[] manifestBytes, String label) {
        try {
            return JsonTreeReader.read(manifestBytes);
        } catch (IOException e) {
            throw bad(label, "cannot read its hype.json: " + dev.hype.runtime.ErrorText.of(e));
        }
    }

    /**
     * Return the permissions a package's parsed {@code hype.json} asks for.
     *
     * @throws HypeException {@link #BAD_PERMISSIONS} when the field is not the schema
     */
    public static PermissionSpec of(JsonNode manifest, String label) {
        PermissionSpec spec;
        try {
            spec = PermissionSpec.fromJson(manifest == null ? null : manifest.get("permissions"));
        } catch (IllegalArgumentException e) {
            throw bad(label, "hype.json: " + e.getMessage());
        }
        if (spec.unrestricted()) {
            // Only the project grants it (to a LuaRocks rock); a package cannot ask for it.
            throw bad(label, "hype.json: permissions.unrestricted is not a permission a package can ask for");
        }
        return spec;
    }

    private static HypeException bad(String label, String problem) {
        return new HypeException(BAD_PERMISSIONS, label + ": " + problem,
                List.of("its permissions cannot be approved as they are; ask its authors to publish a fixed version"));
    }
}
