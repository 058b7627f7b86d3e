package dev.hype.pm.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hype.pm.resolve.RootRequirements;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileTest {
    private static final String SHA = "sha512-" + "A".repeat(86) + "==";

    private static Lockfile sample() {
        LockedPackage b = new LockedPackage("b", Version.parse("1.2.0"), "file:/r/b-1.2.0.tgz", SHA, Map.of(), null,
                Map.of());
        LockedPackage a = new LockedPackage("a", Version.parse("1.0.0"), "file:/r/a-1.0.0.tgz", SHA,
                Map.of("b", Version.parse("1.2.0")), null, Map.of());
        return new Lockfile(Lockfile.VERSION, Map.of("a", "^1.0.0"), Map.of("b", b, "a", a), Map.of());
    }

    @Test
    void renderSortedStableTextWithTrailingNewline() {
        assertThat(LockfileWriter.render(sample())).isEqualTo("""
                {
                  "lockfileVersion": 1,
                  "packages": {
                    "a": {
                      "dependencies": {
                        "b": "1.2.0"
                      },
                      "integrity": "%1$s",
                      "resolved": "file:/r/a-1.0.0.tgz",
                      "version": "1.0.0"
                    },
                    "b": {
                      "dependencies": {},
                      "integrity": "%1$s",
                      "resolved": "file:/r/b-1.2.0.tgz",
                      "version": "1.2.0"
                    }
                  },
                  "root": {
                    "dependencies": {
                      "a": "^1.0.0"
                    }
                  }
                }
                """.formatted(SHA));
    }

    @Test
    void writeOnlyWhenTheContentChanges(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(Lockfile.FILE_NAME);
        assertThat(LockfileWriter.write(file, sample())).isTrue();
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);

        assertThat(LockfileWriter.write(file, sample())).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);

        Lockfile changed = new Lockfile(1, Map.of(), Map.of(), Map.of());
        assertThat(LockfileWriter.write(file, changed)).isTrue();
        assertThat(LockfileReader.read(file)).isEqualTo(changed);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void roundTripKeepsPermissionsAndUnknownFields() {
        String text = LockfileWriter.render(sample()).replace("\"lockfileVersion\": 1,",
                "\"generator\": {\"by\": \"hype 9\"},\n  \"lockfileVersion\": 1,")
                .replace("\"integrity\": \"" + SHA + "\",\n      \"resolved\": \"file:/r/a-1.0.0.tgz\",",
                        "\"integrity\": \"" + SHA + "\",\n      \"permissions\": {\"filesystem\": {\"read\": [\"data\"]}},\n"
                                + "      \"resolved\": \"file:/r/a-1.0.0.tgz\",\n      \"signature\": \"xyz\",");
        Lockfile lock = LockfileReader.parse(text, Lockfile.FILE_NAME);

        assertThat(lock.extras()).containsKey("generator");
        assertThat(lock.packages().get("a").permissions().path("filesystem").path("read").get(0).asText())
                .isEqualTo("data");
        assertThat(lock.packages().get("a").approvedPermissions().read()).containsExactly("data");
        assertThat(lock.packages().get("a").extras()).containsKey("signature");
        assertThat(LockfileReader.parse(LockfileWriter.render(lock), "x")).isEqualTo(lock);
        assertThat(LockfileWriter.render(lock)).isEqualTo(LockfileWriter.render(
                LockfileReader.parse(LockfileWriter.render(lock), "x")));
        assertThat(lock.packages().get("a").withPermissions(JsonNodeFactory.instance.objectNode()).permissions())
                .isEmpty();
    }

    @Test
    void reportBadJsonWithLineAndColumn() {
        assertThatThrownBy(() -> LockfileReader.parse("{\n  \"lockfileVersion\": 1,\n  \"packages\": {,\n}", "hype-lock.json"))
                .isInstanceOf(LockfileException.class).hasMessageStartingWith("hype-lock.json:3:");
        assertThatThrownBy(() -> LockfileReader.parse("{\"lockfileVersion\": 7}", "hype-lock.json"))
                .hasMessageContaining("lockfileVersion");
        assertThatThrownBy(() -> LockfileReader.parse(
                "{\"lockfileVersion\": 1, \"packages\": {\"a\": {\"version\": \"x\", \"resolved\": \"r\", "
                        + "\"integrity\": \"" + SHA + "\"}}}", "hype-lock.json"))
                .hasMessageContaining("packages.a.version");
        assertThatThrownBy(() -> LockfileReader.parse(
                "{\"lockfileVersion\": 1, \"packages\": {\"a\": {\"version\": \"1.0.0\", \"resolved\": \"r\", "
                        + "\"integrity\": \"" + SHA + "\", \"permissions\": {\"java\": true}}}}", "hype-lock.json"))
                .isInstanceOf(LockfileException.class)
                .hasMessage("hype-lock.json: packages.a.permissions.java: expected an array of strings");
        assertThatThrownBy(() -> LockfileReader.parse("[1]", "hype-lock.json"))
                .hasMessage("hype-lock.json: expected a JSON object");
        assertThatThrownBy(() -> LockfileReader.parse("{\"lockfileVersion\": 1, \"packages\": []}", "hype-lock.json"))
                .hasMessage("hype-lock.json: packages: expected an object");
        assertThatThrownBy(() -> LockfileReader.parse(
                "{\"lockfileVersion\": 1, \"packages\": {\"a\": {\"version\": \"1.0.0\", \"resolved\": \"r\", "
                        + "\"integrity\": \"md5-abc\"}}}", "hype-lock.json"))
                .hasMessageStartingWith("hype-lock.json: packages.a.integrity: ");
    }

    @Test
    void tellWhetherTheLockSatisfiesTheRootRequirements() {
        Lockfile old = sample();
        Lockfile lock = new Lockfile(old.lockfileVersion(), old.root(), old.packages(), old.extras(), Map.of(),
                java.util.List.of());
        RootRequirements same = RootRequirements.of("app", Version.parse("1.0.0"),
                Map.of("a", Range.parse("^1.0.0").toVersionSet()));
        RootRequirements newer = RootRequirements.of("app", Version.parse("1.0.0"),
                Map.of("a", Range.parse("^2.0.0").toVersionSet(), "c", Range.parse("*").toVersionSet()));
        RootRequirements fewer = RootRequirements.of("app", Version.parse("1.0.0"), Map.of());

        assertThat(lock.mismatches(same)).isEmpty();
        assertThat(lock.mismatches(newer)).hasSize(2).anyMatch(m -> m.contains("outside"))
                .anyMatch(m -> m.startsWith("c "));
        assertThat(lock.mismatches(fewer)).singleElement().asString().contains("no longer required");
    }

    @Test
    void rocksKeepTheirLuaRocksVersions() {
        String text = """
                {"lockfileVersion": 1, "root": {"dependencies": {"rocks:penlight": "~> 1"}},
                 "packages": {
                   "rocks:penlight": {"version": "1.14.0-3", "resolved": "https://luarocks.org/penlight-1.14.0-3.src.rock",
                     "integrity": "%s", "dependencies": {"rocks:luafilesystem": "1.8.0-1"},
                     "permissions": {"unrestricted": true}},
                   "rocks:luafilesystem": {"version": "1.8.0-1", "resolved": "https://luarocks.org/lfs.src.rock",
                     "integrity": "%s"}}}
                """.formatted(SHA, SHA);
        Lockfile lock = LockfileReader.parse(text, "hype-lock.json");
        LockedPackage penlight = lock.packages().get("rocks:penlight");
        assertThat(penlight.version().toString()).isEqualTo("1.14.0-3");
        assertThat(penlight.version()).isEqualTo(dev.hype.pm.rocks.RockVersion.parse("1.14.0-3").toVersion());
        assertThat(penlight.dependencies().get("rocks:luafilesystem").toString()).isEqualTo("1.8.0-1");
        assertThat(penlight.approvedPermissions().unrestricted()).isTrue();
        assertThat(LockfileReader.parse(LockfileWriter.render(lock), "x")).isEqualTo(lock);
        assertThatThrownBy(() -> LockfileReader.parse(text.replace("\"1.8.0-1\", \"resolved", "\"1.8\", \"resolved"),
                "hype-lock.json")).hasMessageContaining("packages.rocks:luafilesystem.version: \"1.8\" is not a version");
    }
}
