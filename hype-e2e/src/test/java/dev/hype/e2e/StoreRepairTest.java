package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store never spreads damage (issue 15): a file edited through {@code hype_modules/}, or deleted, truncated,
 * added or replaced in the store, is refused by an offline install and repaired by an online one; {@code store
 * verify} finds it, {@code install --force} repairs the project, and {@code store prune} removes what no project uses.
 */
class StoreRepairTest {
    private static final String INDEX = "return 'a'\n";

    @TempDir
    Path temp;

    private Hype hype;
    private FileRegistry registry;

    enum Damage { EDIT_THROUGH_PROJECT, DELETE, TRUNCATE, ADD, REPLACE, NO_PACKAGE_FOLDER }

    @BeforeEach
    void installProjectA() {
        hype = Hype.in(temp);
        registry = FileRegistry.in(temp.resolve("registry"))
                .publish("a-lib", "1.0.0", Map.of("index.lua", INDEX, "lib/util.lua", "return 1\n"), Map.of())
                .publish("c-lib", "1.0.0", "'c'");
        hype.cd("a");
        hype.write("hype.json", "{\"name\": \"a\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1.0.0\"}}\n");
        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        hype.cd("../b");
        hype.write("hype.json", "{\"name\": \"b\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1.0.0\"}}\n");
        hype.cd("../a");
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void damageIsRefusedOfflineRepairedOnlineAndForcedOutOfTheProject(Damage damage) throws IOException {
        Path entry = storeEntry("a-lib");
        if (!damage(damage, entry)) {
            return;
        }

        Result verify = hype.run("pkg", "store", "verify");
        assertThat(verify.exitCode()).as(verify.describe()).isEqualTo(1);
        assertThat(verify.stdout()).contains("damaged: sha512-", "1 damaged", "hype pkg store verify --fix");

        hype.cd("../b");
        Result offline = hype.run("pkg", "install", "--offline", "--registry", registry.url());
        assertThat(offline.exitCode()).as(offline.describe()).isEqualTo(1);
        assertThat(offline.stderr()).contains("a-lib@1.0.0", "damaged", "without --offline");
        assertThat(hype.directory().resolve("hype_modules")).doesNotExist();

        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        assertThat(hype.read("hype_modules/a-lib/index.lua")).isEqualTo(INDEX);
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok: 1 packages checked");
        assertThat(hype.run("pkg", "store", "verify").assertSuccess().stdout()).startsWith("ok: 1 entry checked");

        hype.cd("../a");
        hype.run("pkg", "install", "--force", "--registry", registry.url()).assertSuccess();
        assertThat(hype.read("hype_modules/a-lib/index.lua")).isEqualTo(INDEX);
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok: 1 packages checked");
    }

    @Test
    void checkNamesARepairThatWorks() throws IOException {
        Path installed = hype.directory().resolve("hype_modules/a-lib/lib/util.lua");
        Files.delete(installed);
        Files.writeString(hype.directory().resolve("hype_modules/a-lib/extra.lua"), "return 2\n");

        Result check = hype.run("pkg", "check");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.stdout()).contains("missing file: a-lib/lib/util.lua", "extraneous file: a-lib/extra.lua",
                "hint: run 'hype pkg install --force'");

        hype.run("pkg", "install", "--force", "--registry", registry.url()).assertSuccess();

        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok:");
    }

    @Test
    void anEditedInstalledManifestChangesNoOtherProjectsApproval() throws IOException {
        Path manifest = hype.directory().resolve("hype_modules/a-lib/hype.json");
        String edited = Files.readString(manifest).replaceFirst("\\{", "{\"permissions\": {\"process\": true},");
        if (!writeInPlace(manifest, edited)) {
            return;
        }

        hype.cd("../b");
        Result install = hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        assertThat(install.stderr()).doesNotContain("permission");
        assertThat(hype.read("hype_modules/a-lib/hype.json")).doesNotContain("permissions");
        assertThat(hype.read("hype-lock.json")).doesNotContain("process");

        hype.cd("../a");
        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        assertThat(hype.read("hype_modules/a-lib/hype.json")).doesNotContain("permissions");
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok:");
    }

    @Test
    void pruneRemovesWhatNoProjectLinksAndVerifyFixRemovesDamage() throws IOException {
        hype.cd("../b");
        hype.write("hype.json", "{\"name\": \"b\", \"version\": \"1.0.0\", \"dependencies\": {\"c-lib\": \"^1.0.0\"}}\n");
        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        Path cEntry = storeEntry("c-lib");
        Path leftover = Files.createDirectories(hype.hypeHome().resolve("store/v1/tmp/entry-2147483647-1/package"));
        deleteTree(hype.directory().resolve("hype_modules"));

        Result prune = hype.run("pkg", "store", "prune").assertSuccess();

        assertThat(prune.stdout()).startsWith("removed 1 unused entry").contains("1 leftover of an interrupted install",
                "kept 1 entry");
        assertThat(cEntry).doesNotExist();
        assertThat(leftover).doesNotExist();
        hype.cd("../a");
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok: 1 packages checked");

        Files.writeString(storeEntry("a-lib").resolve("package/added.lua"), "return 3\n");
        Result fix = hype.run("pkg", "store", "verify", "--fix").assertSuccess();
        assertThat(fix.stdout()).contains("removed damaged entry sha512-", "added.lua was added");
        assertThat(hype.run("pkg", "store", "verify").assertSuccess().stdout()).startsWith("ok: 0 entries checked");
        hype.cd("../b");
        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok:");
    }

    @Test
    void concurrentInstallsSharingAStoreNeverFail() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            registry.publish("dep-" + i, "1.0.0", Integer.toString(i));
            names.add("dep-" + i);
        }
        List<String> projects = List.of("p1", "p2", "p3", "p4");
        for (int round = 0; round < 2; round++) {
            deleteTree(hype.hypeHome().resolve("store"));
            List<RunningHype> running = new ArrayList<>();
            for (int p = 0; p < projects.size(); p++) {
                hype.cd("../" + projects.get(p));
                deleteTree(hype.directory().resolve("hype_modules"));
                StringBuilder deps = new StringBuilder();
                for (int i = 0; i < names.size(); i++) {
                    if ((i + p) % 4 != 0) {
                        deps.append(deps.isEmpty() ? "" : ", ").append('"').append(names.get(i)).append("\": \"^1\"");
                    }
                }
                hype.write("hype.json", "{\"name\": \"" + projects.get(p) + "\", \"version\": \"1.0.0\", "
                        + "\"dependencies\": {" + deps + "}}\n");
                running.add(hype.start("pkg", "install", "--registry", registry.url()));
            }
            for (RunningHype install : running) {
                Result result = install.await();
                assertThat(result.exitCode()).as(result.describe()).isZero();
            }
            for (String project : projects) {
                hype.cd("../" + project);
                assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok: 6 packages checked");
            }
        }
    }

    /** Damage the store entry as {@code damage} says; return false when the system refused (the store is safe). */
    private boolean damage(Damage damage, Path entry) throws IOException {
        Path index = entry.resolve("package/index.lua");
        switch (damage) {
            case EDIT_THROUGH_PROJECT -> {
                return writeInPlace(hype.directory().resolve("hype_modules/a-lib/index.lua"), "return 'evil'\n");
            }
            case DELETE -> Files.delete(entry.resolve("package/lib/util.lua"));
            case TRUNCATE -> {
                Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rw-r--r--"));
                Files.write(index, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
            }
            case ADD -> Files.writeString(entry.resolve("package/added.lua"), "return 'added'\n");
            case REPLACE -> {
                Files.delete(index);
                Files.writeString(index, INDEX.replace('a', 'z'));
            }
            case NO_PACKAGE_FOLDER -> deleteTree(entry.resolve("package"));
        }
        return true;
    }

    /** Write {@code text} into {@code file} in place, as an editor that truncates does; false when refused. */
    private static boolean writeInPlace(Path file, String text) throws IOException {
        try {
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
            return true;
        } catch (AccessDeniedException e) {
            // store files are read-only, and this user cannot write through the hard link: the store is protected
            return false;
        }
    }

    private Path storeEntry(String name) {
        try (Stream<Path> walk = Files.walk(hype.hypeHome().resolve("store/v1/sha512"), 3)) {
            for (Path entry : (Iterable<Path>) walk.filter(p -> Files.isRegularFile(p.resolve("index.tsv")))::iterator) {
                if (Files.readString(entry.resolve("index.tsv")).contains("\tindex.lua\n")
                        && Files.exists(entry.resolve("package/hype.json"))
                        && Files.readString(entry.resolve("package/hype.json")).contains("\"" + name + "\"")) {
                    return entry;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no store entry for " + name);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
