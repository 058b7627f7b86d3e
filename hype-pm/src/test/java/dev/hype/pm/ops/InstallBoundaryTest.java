package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hype.pm.install.PermissionApprover;
import dev.hype.pm.install.PermissionRequest;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.pm.store.PackageRef;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install from sources that lie: names that would become paths outside {@code hype_modules/} (from the lockfile, the
 * registry's documents, a tarball, the command line), tarballs of another package, and bins that would take over a
 * command. Nothing may be written outside the project's package folders, and every refusal names its source.
 */
class InstallBoundaryTest {
    private static final List<String> BAD_NAMES = List.of("../../x", "@x/../../../e", "./tool", "a/b/c", ".bin",
            "..", "@x/..", "A", "x\u001b[2Kx", "%2e%2e");

    @TempDir
    Path temp;

    private Project project;
    private final List<String> notLinked = new ArrayList<>();
    private final List<String> linked = new ArrayList<>();
    private final Reporter reporter = new Reporter() {
        @Override
        public synchronized void binNotLinked(String message) {
            notLinked.add(message);
        }

        @Override
        public synchronized void commandsLinked(PackageRef ref, List<String> commands) {
            linked.add(ref.label() + " " + commands);
        }
    };

    @BeforeEach
    void project() {
        project = new Project(temp);
        project.packages.add("lib", "1.0.0");
    }

    private InstallResult install() {
        return InstallOperation.run(project.options(new CountingFetcher()).approving(PermissionApprover.ALLOW_ALL),
                reporter);
    }

    /** Return every path under the temporary root outside the project's own folders and the inputs. */
    private List<String> strayFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(temp)) {
            return walk.map(p -> temp.relativize(p).toString())
                    .filter(p -> !p.isEmpty() && !p.startsWith("app") && !p.startsWith("repo") && !p.startsWith("store"))
                    .toList();
        }
    }

    @Test
    void lockfileEntriesWithBadNamesAreRefusedBeforeAnythingIsWritten() throws IOException {
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"lib\": \"1.0.0\"}}");
        install();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String lock = project.read("hype-lock.json");
        for (String bad : BAD_NAMES) {
            for (String where : List.of("packages", "dependency", "root")) {
                var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lock);
                var packages = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("packages");
                switch (where) {
                    case "packages" -> packages.set(bad, packages.get("lib").deepCopy());
                    case "dependency" -> ((com.fasterxml.jackson.databind.node.ObjectNode) packages.get("lib"))
                            .putObject("dependencies").put(bad, "1.0.0");
                    default -> tree.withObjectProperty("root").withObjectProperty("dependencies").put(bad, "1.0.0");
                }
                Files.writeString(project.dir.resolve("hype-lock.json"), json.writeValueAsString(tree));
                Map<String, String> before = project.snapshot();
                HypeException e = catchThrowableOfType(HypeException.class, this::install);
                assertThat(e).as(bad + " in " + where).isNotNull();
                assertThat(e.code()).isEqualTo("E_LOCKFILE");
                assertThat(e.getMessage()).contains("hype-lock.json").contains("invalid package name")
                        .doesNotContain("\u001b");
                assertThat(project.snapshot()).isEqualTo(before);
            }
        }
        assertThat(strayFiles()).isEmpty();
    }

    @Test
    void registryDependenciesWithBadNamesAreRefused() throws IOException {
        for (String bad : List.of("../../x", "@x/../../../e", ".bin", "a/b/c")) {
            project.packages.addRaw("evil", "1.0.0", Map.of("hype.json", "{\"name\": \"evil\", \"version\": \"1.0.0\"}"),
                    Map.of(bad, "1.0.0"));
            project.manifest("{\"name\": \"app\", \"dependencies\": {\"evil\": \"1.0.0\"}}");
            HypeException e = catchThrowableOfType(HypeException.class, this::install);
            assertThat(e).as(bad).isNotNull();
            assertThat(e.code()).isEqualTo("E_INVALID_PACKAGE_NAME");
            assertThat(e.getMessage()).contains("invalid package name \"" + bad + "\"").contains("evil");
            assertThat(strayFiles()).isEmpty();
            assertThat(project.dir.resolve("hype_modules")).doesNotExist();
        }
    }

    @Test
    void commandLineNamesAreCheckedBeforeTheyReachTheManifest() {
        project.manifest("{\"name\": \"app\"}");
        for (String bad : List.of("../../x", "@x/../../e", ".bin", "a/b/c")) {
            HypeException e = catchThrowableOfType(HypeException.class, () -> InstallOperation.run(
                    project.options(new CountingFetcher()).adding(dev.hype.pm.manifest.DependencyKind.RUNTIME, false, bad), Reporter.SILENT));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.code()).isEqualTo("E_INVALID_PACKAGE_NAME");
            assertThat(e.getMessage()).startsWith("argument '" + bad + "': invalid package name");
            assertThat(project.read("hype.json")).isEqualTo("{\"name\": \"app\"}");
        }
    }

    @Test
    void aTarballOfAnotherPackageIsRefused() {
        project.packages.addRaw("lib2", "1.0.0", Map.of("hype.json", "{\"name\": \"lib\", \"version\": \"1.0.0\"}",
                "index.lua", "return 1"), Map.of());
        project.packages.addRaw("lib3", "1.0.0", Map.of("hype.json", "{\"name\": \"lib3\", \"version\": \"9.9.9\"}",
                "index.lua", "return 1"), Map.of());
        project.packages.addRaw("lib4", "1.0.0", Map.of("hype.json", "{\"name\": \"../lib4\", \"version\": \"1.0.0\"}",
                "index.lua", "return 1"), Map.of());
        for (String name : List.of("lib2", "lib3", "lib4")) {
            project.manifest("{\"name\": \"app\", \"dependencies\": {\"" + name + "\": \"1.0.0\"}}");
            HypeException e = catchThrowableOfType(HypeException.class, this::install);
            assertThat(e).as(name).isNotNull();
            assertThat(e.code()).isIn("E_PACKAGE_IDENTITY", "E_INVALID_PACKAGE_NAME");
            assertThat(e.getMessage()).contains("the hype.json in the tarball of " + name + "@1.0.0");
            assertThat(project.dir.resolve("hype_modules")).doesNotExist();
        }
    }

    @Test
    void honestBinsRunThroughAnExecutableLauncherAndAreReported() throws IOException {
        project.packages.add("tool", "1.0.0", Map.of("bin/tool.lua", "print(1)\n",
                "hype.json", "{\"name\": \"tool\", \"version\": \"1.0.0\", \"bin\": {\"tool\": \"./bin/tool.lua\","
                        + " \"tool-x\": \"bin/tool.lua\"}}"));
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"tool\": \"1.0.0\"}}");
        install();
        Path shim = project.dir.resolve("hype_modules/.bin/tool");
        assertThat(Files.isSymbolicLink(shim)).isFalse();
        assertThat(Files.isExecutable(shim)).isTrue();
        assertThat(Files.readString(shim)).startsWith("#!/bin/sh\n")
                .contains("exec \"${HYPE_LAUNCHER:-hype}\" \"$dir/../tool/bin/tool.lua\" \"$@\"");
        assertThat(project.dir.resolve("hype_modules/.bin/tool-x")).exists();
        // The package's own file stays as packed: not executable, and not what .bin runs directly.
        assertThat(Files.isExecutable(project.dir.resolve("hype_modules/tool/bin/tool.lua"))).isFalse();
        assertThat(linked).containsExactly("tool@1.0.0 [tool, tool-x]");
        assertThat(notLinked).isEmpty();
    }

    @Test
    void binsThatWouldShadowACommandOrAreMalformedAreNotLinked() throws IOException {
        String sh = Files.isExecutable(Path.of("/bin/sh")) ? "sh" : null;
        project.packages.addRaw("evil", "1.0.0", Map.of("x.lua", "print(1)", "hype.json", """
                {"name": "evil", "version": "1.0.0", "bin": {"hype": "x.lua", "cd": "x.lua", "ls": "x.lua",
                 "sh": "x.lua", "../../escape": "x.lua", ".hidden": "x.lua", "nul": "x.lua", "ok": "x.lua",
                 "out": "../../outside.lua", "abs": "/etc/passwd", "gone": "missing.lua", "dup": "x.lua",
                 "quote": "x$(touch pwned).lua"}}"""), Map.of());
        project.packages.addRaw("other", "1.0.0", Map.of("y.lua", "print(2)", "hype.json", """
                {"name": "other", "version": "1.0.0", "bin": {"dup": "y.lua"}}"""), Map.of());
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"evil\": \"1.0.0\", \"other\": \"1.0.0\"}}");
        install();
        Path bin = project.dir.resolve("hype_modules/.bin");
        try (Stream<Path> entries = Files.list(bin)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("ok");
        }
        assertThat(String.join("\n", notLinked))
                .contains("bin 'hype' of evil is not linked: 'hype' is reserved")
                .contains("bin 'cd' of evil is not linked: it would shadow a shell command")
                .contains("bin 'ls' of evil is not linked: it would shadow /")
                .contains("bin '../../escape' of evil is not linked")
                .contains("bin '.hidden' of evil is not linked")
                .contains("bin 'nul' of evil is not linked: 'nul' is reserved")
                .contains("bin 'out' of evil is not linked: its target '../../outside.lua' must stay inside the package")
                .contains("bin 'abs' of evil is not linked: its target '/etc/passwd' is not a relative path")
                .contains("bin 'gone' of evil is not linked: its file missing.lua is not in the package")
                .contains("bin 'dup' is not linked: evil and other both provide it")
                .contains("bin 'quote' of evil is not linked");
        if (sh != null) {
            assertThat(String.join("\n", notLinked)).contains("bin 'sh' of evil is not linked: it would shadow /");
        }
        assertThat(temp.resolve("outside.lua")).doesNotExist();
        assertThat(project.dir.resolve("pwned")).doesNotExist();
        assertThat(Files.exists(project.dir.resolve("hype_modules/escape"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void approvalShowsTheCommandsWithThePermissions() {
        project.packages.add("fmt", "1.0.0", Map.of("bin/fmt.lua", "print(1)\n", "hype.json", """
                {"name": "fmt", "version": "1.0.0", "bin": {"fmt": "bin/fmt.lua"},
                 "permissions": {"filesystem": {"write": ["$CWD/**"]}}}"""));
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"fmt\": \"1.0.0\"}}");
        List<List<PermissionRequest>> asked = new ArrayList<>();
        InstallOperation.run(project.options(new CountingFetcher()).approving(pending -> asked.add(pending)),
                Reporter.SILENT);
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().getFirst().lines()).containsExactly("fmt@1.0.0 (new)", "  write files: $CWD/**",
                "  provides commands (hype_modules/.bin, run as fmt with these permissions): fmt");
    }
}
