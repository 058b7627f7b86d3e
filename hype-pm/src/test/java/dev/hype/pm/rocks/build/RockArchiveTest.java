package dev.hype.pm.rocks.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rocks made by hand, as a broken or unusual server could serve them: source rocks whose rockspec names a source
 * they lack or a {@code source.dir} their archive lacks, sources in one oddly named folder or in several, a single
 * Lua file as the source, and binary rocks whose {@code rock_manifest} does not match their files.
 */
class RockArchiveTest {
    private static final String LABEL = "rocks:demo@1.0-1 (demo-1.0-1.src.rock)";

    @TempDir
    Path temp;

    private static String spec(String source, String rest) {
        return "package = \"demo\"\nversion = \"1.0-1\"\nsource = " + source + "\n" + rest;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Return a {@code .tar.gz} of {@code files}, each under {@code top/} unless {@code top} is empty. */
    private static byte[] tarGz(String top, Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (var e : new java.util.TreeMap<>(files).entrySet()) {
                byte[] body = utf8(e.getValue());
                TarArchiveEntry entry = new TarArchiveEntry(top.isEmpty() ? e.getKey() : top + "/" + e.getKey());
                entry.setSize(body.length);
                tar.putArchiveEntry(entry);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path prepare(String file, byte[] rock) {
        PackageRef ref = new PackageRef("rocks:demo", RockVersion.parse("1.0-1").toVersion(), Integrity.sha512(rock),
                URI.create("https://example.invalid/rocks/" + file));
        return new RockPreparer(RockPlatform.current(), System.getenv()).prepare(Store.at(temp.resolve("store")), ref,
                r -> rock);
    }

    private static void assertArchiveError(ThrowingCallable action, String message) {
        assertThatThrownBy(action).isInstanceOfSatisfying(RockException.class,
                e -> assertThat(e.code()).isEqualTo(RockException.E_ROCK_ARCHIVE)).hasMessageContaining(message);
    }

    @Test
    void aSourceRockWithoutItsRockspecOrItsSourceIsRefused() throws IOException {
        assertArchiveError(() -> prepareZip("demo-1.0-1.src.rock", Map.of("README", utf8("x"))),
                "it does not hold demo-1.0-1.rockspec");
        assertArchiveError(() -> prepareZip("demo-1.0-1.src.rock", Map.of("demo-1.0-1.rockspec",
                utf8(spec("{ url = 'https://example.invalid/demo-1.0.tar.gz' }", "build = { type = 'none' }")))),
                LABEL + " does not match what it should be: it does not hold demo-1.0.tar.gz, the source its"
                        + " rockspec names");
        assertThat(Store.at(temp.resolve("store")).verify(false).checked()).as("nothing kept").isZero();
    }

    @Test
    void sourcesInOneFolderOfAnyNameAreBuiltFromIt() throws IOException {
        byte[] source = tarGz("project-main", Map.of("demo.lua", "return 'in main'\n"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("demo-1.0-1.rockspec", utf8(spec("{ url = 'https://example.invalid/demo-1.0.tar.gz' }",
                "build = { type = 'builtin', modules = { demo = 'demo.lua' } }")));
        files.put("demo-1.0.tar.gz", source);

        Path built = prepare("demo-1.0-1.src.rock", zip(files));

        assertThat(built.resolve("lua/demo.lua")).hasContent("return 'in main'\n");
        assertThat(built.resolve("hype.json")).content().contains("\"nativeCode\" : false");
    }

    @Test
    void sourcesInSeveralFoldersAreBuiltFromTheArchiveRoot() throws IOException {
        byte[] source = tarGz("", Map.of("a/demo.lua", "return 'a'\n", "b/other.lua", "return 'b'\n"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("demo-1.0-1.rockspec", utf8(spec("{ url = 'https://example.invalid/demo-1.0.tar.gz' }",
                "build = { type = 'builtin', modules = { demo = 'a/demo.lua', other = 'b/other.lua' } }")));
        files.put("demo-1.0.tar.gz", source);

        Path built = prepare("demo-1.0-1.src.rock", zip(files));

        assertThat(built.resolve("lua/demo.lua")).hasContent("return 'a'\n");
        assertThat(built.resolve("lua/other.lua")).hasContent("return 'b'\n");
    }

    @Test
    void aSourceDirTheArchiveLacksIsRefused() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("demo-1.0-1.rockspec", utf8(spec("{ url = 'https://example.invalid/demo-1.0.tar.gz', dir = 'nope' }",
                "build = { type = 'builtin', modules = { demo = 'demo.lua' } }")));
        files.put("demo-1.0.tar.gz", tarGz("demo-1.0", Map.of("demo.lua", "return 1\n")));

        assertThatThrownBy(() -> prepare("demo-1.0-1.src.rock", zip(files))).isInstanceOfSatisfying(
                RockException.class, e -> {
                    assertThat(e.code()).isEqualTo(RockException.E_ROCK_BUILD);
                    assertThat(e.getMessage()).isEqualTo("cannot build rocks:demo@1.0-1: its source.dir 'nope' is not"
                            + " in the unpacked sources");
                });
    }

    @Test
    void aSingleLuaFileIsItsOwnSource() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("demo-1.0-1.rockspec", utf8(spec("{ url = 'https://example.invalid/files/demo.lua' }",
                "build = { type = 'builtin', modules = { demo = 'demo.lua' } }")));
        files.put("demo.lua", utf8("return 'single'\n"));

        assertThat(prepare("demo-1.0-1.src.rock", zip(files)).resolve("lua/demo.lua")).hasContent("return 'single'\n");
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private Map<String, byte[]> binaryRock(String rockManifest) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("demo-1.0-1.rockspec", utf8(spec("{ url = 'https://example.invalid/demo-1.0.tar.gz' }",
                "build = { type = 'builtin', modules = { ['demo.core'] = 'core.c' } }")));
        files.put("lib/demo/core.so", utf8("not really a library"));
        files.put("rock_manifest", utf8(rockManifest));
        return files;
    }

    @Test
    void aBinaryRockWithLibrariesIsNativeAndItsManifestMustMatchBothWays() throws Exception {
        String so = md5(utf8("not really a library"));
        String rockspec = md5(binaryRock("").get("demo-1.0-1.rockspec"));
        String good = "rock_manifest = { lib = { demo = { ['core.so'] = '" + so + "' } }, ['demo-1.0-1.rockspec'] = '"
                + rockspec + "' }";

        Path built = prepare("demo-1.0-1.linux-x86_64.rock", zip(binaryRock(good)));
        assertThat(built.resolve("lib/demo/core.so")).exists();
        assertThat(built.resolve("hype.json")).content().contains("\"native\" : true");

        Map<String, byte[]> extra = binaryRock(good);
        extra.put("lua/extra.lua", utf8("return 1"));
        assertArchiveError(() -> prepareZip("demo-1.0-1.all.rock", extra),
                "it holds lua/extra.lua, which its rock_manifest does not list");
        assertArchiveError(() -> prepareZip("demo-1.0-1.all.rock", binaryRock(good.replace("}, [", ", ['gone.so'] = '"
                + so + "' }, ["))), "its rock_manifest lists lib/gone.so, which the archive does not hold");
        assertArchiveError(() -> prepareZip("demo-1.0-1.all.rock", binaryRock("rock_manifest = 'none'")),
                "its rock_manifest has no rock_manifest table");
    }

    private void prepareZip(String file, Map<String, byte[]> files) throws IOException {
        prepare(file, zip(files));
    }
}
