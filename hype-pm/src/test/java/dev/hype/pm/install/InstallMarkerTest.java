package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.semver.Version;
import dev.hype.pm.store.PackageRef;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallMarkerTest {
    @TempDir
    Path dir;

    private final PackageRef ref = new PackageRef("@s/odd\"name", Version.parse("1.2.3-rc.1"),
            Integrity.sha512("x".getBytes(StandardCharsets.UTF_8)), URI.create("http://h/a%20b.tgz?q=%221%22&r=é"));

    @Test
    void whatIsWrittenReadsBackWithAwkwardNames() throws IOException {
        InstallMarker.write(dir, ref, Map.of("lib/tab\there.lua", new long[] {12, 1_700_000_000_123_456_789L},
                "ünï\\cödé\n.lua", new long[] {0, -1}), "sha512-abc");

        InstallMarker.Contents contents = InstallMarker.read(dir);

        assertThat(contents.integrity()).isEqualTo(ref.integrity().sri());
        assertThat(contents.manifestIntegrity()).isEqualTo("sha512-abc");
        assertThat(contents.files()).containsOnlyKeys("lib/tab\there.lua", "ünï\\cödé\n.lua");
        assertThat(contents.files().get("lib/tab\there.lua")).containsExactly(12, 1_700_000_000_123_456_789L);
        assertThat(contents.files().get("ünï\\cödé\n.lua")).containsExactly(0, -1);
        assertThat(InstallMarker.readJson(dir.resolve(InstallMarker.FILE_NAME)).get("name").textValue())
                .isEqualTo("@s/odd\"name");
        assertThat(InstallMarker.readJson(dir.resolve(InstallMarker.FILE_NAME)).get("resolved").textValue())
                .isEqualTo(ref.tarball().toString());
    }

    @Test
    void aMarkerWithoutFilesOrManifestHashReadsBack() throws IOException {
        InstallMarker.write(dir, ref, Map.of(), null);
        InstallMarker.Contents contents = InstallMarker.read(dir);
        assertThat(contents.files()).isEmpty();
        assertThat(contents.manifestIntegrity()).isNull();
        assertThat(Files.readString(dir.resolve(InstallMarker.FILE_NAME))).endsWith("}\n");
    }
}
