package dev.hype.pm.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestEditorTest {

    @Test
    void insertInNameOrderKeepingIndentation() {
        String before = """
                {
                    "name": "app",
                    "dependencies": {
                        "alpha": "^1.0.0",
                        "gamma": "^2.0.0"
                    },
                    "x-keep": true
                }
                """;
        String after = ManifestEditor.of(before).addDependency(DependencyKind.RUNTIME, "beta", "~1.2").text();
        assertThat(after).isEqualTo("""
                {
                    "name": "app",
                    "dependencies": {
                        "alpha": "^1.0.0",
                        "beta": "~1.2",
                        "gamma": "^2.0.0"
                    },
                    "x-keep": true
                }
                """);
        assertThat(Manifest.parse(after, "hype.json").dependencies()).containsKeys("alpha", "beta", "gamma");
    }

    @Test
    void appendAfterLastWhenUnsorted() {
        String before = "{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"zed\": \"1\",\n    \"abc\": \"2\"\n  }\n}\n";
        String after = ManifestEditor.of(before).addDependency(DependencyKind.RUNTIME, "mid", "^3.0.0").text();
        assertThat(after).isEqualTo("{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"zed\": \"1\",\n    \"abc\": \"2\",\n"
                + "    \"mid\": \"^3.0.0\"\n  }\n}\n");
    }

    @Test
    void changeRangeOfExistingDependency() {
        String before = "{\"name\": \"app\", \"dependencies\": {\"a\": \"^1.0.0\", \"b\": \"2\"}}";
        String after = ManifestEditor.of(before).addDependency(DependencyKind.RUNTIME, "a", "^1.5.0").text();
        assertThat(after).isEqualTo("{\"name\": \"app\", \"dependencies\": {\"a\": \"^1.5.0\", \"b\": \"2\"}}");
    }

    @Test
    void createMissingSectionAtTheEnd() {
        String before = "{\r\n\t\"name\": \"app\",\r\n\t\"version\": \"1.0.0\"\r\n}\r\n";
        String after = ManifestEditor.of(before).addDependency(DependencyKind.DEV, "busted", "^2.0.0").text();
        assertThat(after).isEqualTo("{\r\n\t\"name\": \"app\",\r\n\t\"version\": \"1.0.0\",\r\n\t\"devDependencies\": {\r\n"
                + "\t\t\"busted\": \"^2.0.0\"\r\n\t}\r\n}\r\n");
    }

    @Test
    void fillEmptySection() {
        String before = "{\n  \"name\": \"app\",\n  \"dependencies\": {}\n}";
        String after = ManifestEditor.of(before).addDependency(DependencyKind.RUNTIME, "a", "1.0.0").text();
        assertThat(after).isEqualTo("{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"a\": \"1.0.0\"\n  }\n}");
    }

    @Test
    void removeFirstMiddleLastAndOnly() {
        String text = "{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"a\": \"1\",\n    \"b\": \"2\",\n    \"c\": \"3\"\n  }\n}";
        assertThat(ManifestEditor.of(text).removeDependency(DependencyKind.RUNTIME, "a").text())
                .isEqualTo("{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"b\": \"2\",\n    \"c\": \"3\"\n  }\n}");
        assertThat(ManifestEditor.of(text).removeDependency(DependencyKind.RUNTIME, "b").text())
                .isEqualTo("{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"a\": \"1\",\n    \"c\": \"3\"\n  }\n}");
        assertThat(ManifestEditor.of(text).removeDependency(DependencyKind.RUNTIME, "c").text())
                .isEqualTo("{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"a\": \"1\",\n    \"b\": \"2\"\n  }\n}");
        String only = ManifestEditor.of(text).removeDependency(DependencyKind.RUNTIME, "a")
                .removeDependency(DependencyKind.RUNTIME, "b").removeDependency(DependencyKind.RUNTIME, "c").text();
        assertThat(only).isEqualTo("{\n  \"name\": \"app\",\n  \"dependencies\": {}\n}");
        assertThat(ManifestEditor.of(text).removeDependency(DependencyKind.DEV, "a").text()).isEqualTo(text);
    }

    @Test
    void refuseToAddIntoASectionThatIsNotAnObject() {
        assertThatThrownBy(() -> ManifestEditor.of("{\"name\": \"a\", \"dependencies\": []}")
                .addDependency(DependencyKind.RUNTIME, "b", "^1.0.0"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("expected an object of dependencies");
    }

    @Test
    void rejectInvalidRangeBeforeEditing() {
        assertThatThrownBy(() -> ManifestEditor.of("{\"name\": \"a\"}").addDependency(DependencyKind.RUNTIME, "b", "^1.x.y"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("\"^1.x.y\" is not a valid version range");
    }

    @Test
    void writeAtomicallyAndOnlyWhenChanged(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hype.json");
        Files.writeString(file, "{\n  \"name\": \"app\"\n}\n");
        assertThat(ManifestEditor.edit(file, e -> e.addDependency(DependencyKind.RUNTIME, "a", "^1.0.0"))).isTrue();
        assertThat(Files.readString(file)).isEqualTo("{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"a\": \"^1.0.0\"\n  }\n}\n");
        assertThat(ManifestEditor.edit(file, e -> e.addDependency(DependencyKind.RUNTIME, "a", "^1.0.0"))).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
