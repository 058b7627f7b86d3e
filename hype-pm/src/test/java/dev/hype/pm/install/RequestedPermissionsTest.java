package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.runtime.HypeException;
import dev.hype.runtime.permissions.PermissionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The permissions an installed package asks for, read from its own hype.json, and what cannot be approved. */
class RequestedPermissionsTest {
    @TempDir
    Path temp;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPackageWithoutAManifestOrPermissionsAsksForNothing() throws IOException {
        assertThat(RequestedPermissions.read(temp, "a@1.0.0")).isEqualTo(PermissionSpec.NONE);
        assertThat(RequestedPermissions.read((byte[]) null, "a@1.0.0")).isEqualTo(PermissionSpec.NONE);
        Files.writeString(temp.resolve("hype.json"), "{\"name\": \"a\", \"permissions\": {\"process\": true}}");
        assertThat(RequestedPermissions.read(temp, "a@1.0.0").process()).isTrue();
    }

    @Test
    void permissionsThatCannotBeApprovedAreRefusedNamingThePackage() {
        assertThatThrownBy(() -> RequestedPermissions.read(utf8("{ not json"), "a@1.0.0"))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo(RequestedPermissions.BAD_PERMISSIONS);
                    assertThat(e.hints()).anyMatch(h -> h.contains("ask its authors"));
                }).hasMessageStartingWith("a@1.0.0: cannot read its hype.json: ");
        assertThatThrownBy(() -> RequestedPermissions.read(utf8("{\"permissions\": 42}"), "a@1.0.0"))
                .hasMessageStartingWith("a@1.0.0: hype.json: ");
        assertThatThrownBy(() -> RequestedPermissions.read(utf8("{\"permissions\": {\"unrestricted\": true}}"),
                "a@1.0.0")).hasMessage("a@1.0.0: hype.json: permissions.unrestricted is not a permission a package"
                        + " can ask for");
    }
}
