package dev.hype.pm.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every field of {@code hype.json} given a value of the wrong shape is reported at its line and column with its
 * path, all at once, so a user fixes the file in one pass.
 */
class ManifestShapesTest {
    private static List<String> problems(String json) {
        try {
            Manifest.parse(json, Manifest.FILE_NAME);
        } catch (ManifestException e) {
            return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
        }
        throw new AssertionError("no problem found in " + json);
    }

    @Test
    void wrongShapesOfEveryFieldAreReportedTogether() {
        List<String> problems = problems("""
                {
                  "name": "app",
                  "description": 5,
                  "files": "src",
                  "scripts": ["build"],
                  "keywords": ["ok", 3],
                  "dependencies": ["json"],
                  "devDependencies": {"rocks:penlight": {"version": "1.0"}},
                  "features": ["fast"],
                  "imports": ["#x"],
                  "rockPermissions": ["rocks:lpeg"],
                  "engines": ">=0.1.0",
                  "authors": "me",
                  "repository": 7,
                  "permissions": {"filesystem": {"read": "src", "exec": []}, "network": {"ports": 80}}
                }
                """);

        assertThat(problems).containsExactly(
                "description: expected a string",
                "files: expected an array of strings",
                "scripts: expected an object of strings",
                "keywords[1]: expected a string",
                "dependencies: expected an object mapping package names to version ranges",
                "devDependencies.rocks:penlight: expected a LuaRocks constraint string such as \"~> 1.14\" (a rock has"
                        + " no features, so it takes no object form)",
                "features: expected an object mapping feature names to arrays",
                "imports: expected an object mapping \"#name\" to a target",
                "rockPermissions: expected an object mapping rocks:NAME to permissions",
                "engines: expected an object such as {\"hype\": \">=0.1.0\"}",
                "authors: expected an array of strings or {\"name\", \"email\", \"url\"} objects",
                "repository: expected a URL string or an object with a \"url\"",
                "permissions.filesystem.read: expected an array of paths",
                "permissions.filesystem.exec: unknown key (expected read or write)",
                "permissions.network.ports: expected an array of port numbers");
    }

    @Test
    void namesAndTopLevelShapesAreChecked() {
        assertThat(problems("{\"name\": \"rocks:mine\"}")).containsExactly(
                "name: rocks:NAME names LuaRocks rocks; a package's own name cannot start with \"rocks:\"");
        assertThat(problems("{\"name\": \"\"}")).containsExactly("name: a package name must not be empty");
        assertThat(problems("{\"name\": \" app\"}")).containsExactly(
                "name: a package name must not start or end with spaces");
        assertThat(problems("{\"name\": \"app\", \"authors\": [\"ann\", 5, {\"email\": \"x@y\"}]}"))
                .containsExactly("authors[1]: expected a string or an object with a \"name\"",
                        "authors[2]: expected a string or an object with a \"name\"");
        assertThat(problems("{\"name\": \"app\", \"permissions\": []}")).containsExactly(
                "permissions: expected an object");
        assertThat(problems("{\"name\": \"app\", \"scripts\": {\"build\": 1}}")).containsExactly(
                "scripts.build: expected a string");
        assertThat(problems("[1, 2]")).containsExactly(": expected a JSON object at the top level");
    }

    @Test
    void aRepositoryMayBeAPlainUrl() {
        Manifest manifest = Manifest.parse("{\"name\": \"app\", \"repository\": \"https://example.invalid/app.git\"}",
                Manifest.FILE_NAME);

        assertThat(manifest.repository().url()).isEqualTo("https://example.invalid/app.git");
    }

    @Test
    void textThatIsNotOneJsonValueIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> Manifest.parse("", Manifest.FILE_NAME)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("empty document");
        assertThatThrownBy(() -> Manifest.parse("{\"name\": \"app\"} {}", Manifest.FILE_NAME))
                .isInstanceOf(ManifestException.class).hasMessageContaining("unexpected content after the JSON value");
    }
}
