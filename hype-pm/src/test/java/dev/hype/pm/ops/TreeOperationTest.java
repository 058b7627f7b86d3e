package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.lock.LockfileWriter;
import dev.hype.pm.semver.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build trees and paths from a hand-written lockfile: root → x, y; x → y, z; y → z; z → x (a cycle). */
class TreeOperationTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeProject() throws Exception {
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"root\", \"version\": \"1.0.0\"}\n");
        Map<String, LockedPackage> packages = new LinkedHashMap<>();
        packages.put("x", locked("x", "y", "z"));
        packages.put("y", locked("y", "z"));
        packages.put("z", locked("z", "x"));
        LockfileWriter.write(dir.resolve(Lockfile.FILE_NAME),
                new Lockfile(Lockfile.VERSION, Map.of("x", "^1", "y", "^1"), packages, Map.of()));
    }

    private static LockedPackage locked(String name, String... dependencies) {
        Map<String, Version> deps = new LinkedHashMap<>();
        for (String d : dependencies) {
            deps.put(d, Version.parse("1.0.0"));
        }
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(new byte[64]);
        return new LockedPackage(name, Version.parse("1.0.0"), "file:" + name + ".tgz", integrity, deps, null, Map.of());
    }

    private static String render(TreeResult.Node node) {
        StringBuilder text = new StringBuilder(node.name());
        if (node.deduped()) {
            text.append('*');
        }
        if (!node.children().isEmpty()) {
            text.append(node.children().stream().map(TreeOperationTest::render).toList());
        }
        return text.toString();
    }

    @Test
    void expandsEachPackageOnceEvenThroughACycle() {
        TreeResult result = TreeOperation.run(new TreeOptions(dir, null, -1, null));
        assertThat(render(result.root())).isEqualTo("root[x[y[z[x*]], z*], y*]");
    }

    @Test
    void depthZeroShowsTheRootAlone() {
        assertThat(render(TreeOperation.run(new TreeOptions(dir, null, 0, null)).root())).isEqualTo("root");
    }

    @Test
    void invertListsEveryPathWithoutRepeats() {
        List<String> paths = TreeOperation.run(new TreeOptions(dir, null, -1, "z")).paths().stream()
                .map(path -> String.join(">", path.stream().map(TreeResult.Node::name).toList())).toList();
        assertThat(paths).containsExactly("root>x>y>z", "root>x>z", "root>y>z");
    }

    @Test
    void anUnknownNameFailsWithItsCode() {
        assertThatThrownBy(() -> TreeOperation.run(new TreeOptions(dir, "w", -1, null)))
                .isInstanceOf(OperationException.class)
                .satisfies(e -> assertThat(((OperationException) e).code()).isEqualTo(TreeOperation.NOT_INSTALLED));
    }
}
