package dev.hype.pm.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hype.pm.semver.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {

    static String resource(String name) throws IOException {
        try (InputStream in = ManifestTest.class.getResourceAsStream("/manifest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parseEveryField() throws IOException {
        Manifest m = Manifest.parse(resource("full.hype.json"), "hype.json");
        assertThat(m.name()).isEqualTo("@acme/web-kit");
        assertThat(m.version()).isEqualTo(Version.parse("1.4.0-beta.2"));
        assertThat(m.dependencies()).containsExactly(java.util.Map.entry("lpeg", "^1.1.0"),
                java.util.Map.entry("json", "1.x || 2.0.0 - 2.3"));
        assertThat(m.devDependencies()).containsEntry("busted", "~2.2");
        assertThat(m.features().get("all")).containsExactly("net", "zlib");
        assertThat(m.exports().get("./private/*").isNull()).isTrue();
        assertThat(m.imports().get("#config").get("hype").asText()).isEqualTo("./config.lua");
        assertThat(m.bin()).containsEntry("web-kit", "bin/kit.lua");
        assertThat(m.permissions().ports()).containsExactly(443, 8080);
        assertThat(m.permissions().java()).containsExactly("java.util.*", "java.time.LocalDate");
        assertThat(m.permissions().write()).containsExactly("$TMP/kit-*");
        assertThat(m.permissions().domains()).containsExactly("*.example.com");
        assertThat(m.hypeEngine()).isEqualTo(">=0.1.0");
        assertThat(m.authors()).containsExactly("Ada <ada@example.com>", "Lin <lin@example.com> (https://lin.dev)");
        assertThat(m.repository().url()).isEqualTo("https://github.com/acme/web-kit.git");
        assertThat(m.extras()).containsOnlyKeys("x-internal", "publishConfig");
        assertThat(Manifest.ranges(m.dependencies()).get("json").test("2.3.9")).isTrue();
    }

    @Test
    void keepUnknownKeysOnRoundTrip() throws IOException {
        Manifest m = Manifest.parse(resource("full.hype.json"), "hype.json");
        String json = m.toJson().toPrettyString();
        Manifest again = Manifest.parse(json, "hype.json");
        assertThat(again).isEqualTo(m);
        assertThat(again.extras().get("x-internal").get("owner").asText()).isEqualTo("team-web");
        assertThat(m.toJson().get("version").asText()).isEqualTo("1.4.0-beta.2+sha.5");
    }

    @Test
    void reportEveryProblemWithLineColumnAndPath() throws IOException {
        ManifestException e = catchThrowableOfType(ManifestException.class,
                () -> Manifest.parse(resource("broken.hype.json"), "hype.json"));
        List<String> problems = e.problems().stream().map(ManifestProblem::toString).toList();
        assertThat(e.code()).isEqualTo("E_MANIFEST");
        assertThat(problems).contains(
                "hype.json:2:11: name: a package name must be lower case",
                "hype.json:3:14: version: \"1.0\" is not a valid semantic version (expected MAJOR.MINOR.PATCH)",
                "hype.json:6:13: dependencies._bad: invalid package name: a package name must not start with \".\" or \"_\"",
                "hype.json:7:13: dependencies.lpeg: \"^1.x.y\" is not a valid version range",
                "hype.json:9:28: features.default[0]: \"nope\" is neither an optional dependency nor a feature",
                "hype.json:10:18: files[1]: expected a string",
                "hype.json:11:41: permissions.network.ports[0]: expected a port number from 1 to 65535",
                "hype.json:11:59: permissions.shell: unknown permission (expected one of [env, filesystem, java, native, network, process])",
                "hype.json:11:73: permissions.java: expected an array of class-name patterns such as \"java.util.*\"",
                "hype.json:12:23: engines.hype: \"latest!\" is not a valid version range",
                "hype.json:14:15: homepage: \"ftp://example.com\" is not an http(s) URL",
                "hype.json:15:25: imports.config: import names must start with \"#\"");
        assertThat(problems).anyMatch(p -> p.startsWith("hype.json:13:14: license: \"MIT OR Whatever\" is not a valid SPDX"));
        assertThat(problems).hasSize(13);
        assertThat(e.getMessage()).contains("13 problems");
    }

    @Test
    void reportInvalidJsonWithLineAndColumn() {
        ManifestException e = catchThrowableOfType(ManifestException.class,
                () -> Manifest.parse("{\n  \"name\": \"a\",\n  \"version\": 1.0.0\n}", "hype.json"));
        assertThat(e.problems()).hasSize(1);
        ManifestProblem p = e.problems().getFirst();
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isBetween(14, 17);
        assertThat(p.toString()).startsWith("hype.json:3:").contains("invalid JSON");
    }

    @Test
    void requireName() {
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifest.parse("{}", "hype.json"));
        assertThat(e.problems()).extracting(ManifestProblem::toString)
                .containsExactly("hype.json:1:1: missing required field \"name\"");
    }

    @Test
    void reportDuplicateKeys() {
        ManifestException e = catchThrowableOfType(ManifestException.class,
                () -> Manifest.parse("{\"name\": \"a\", \"name\": \"b\"}", "hype.json"));
        assertThat(e.problems()).extracting(ManifestProblem::message).containsExactly("duplicate key");
    }

    @Test
    void checkPackageNamesLikeNpm() {
        assertThat(PackageName.isValid("lpeg")).isTrue();
        assertThat(PackageName.isValid("@scope/name.js")).isTrue();
        assertThat(PackageName.isValid("a-b_c.d~e")).isTrue();
        assertThat(PackageName.isValid("Upper")).isFalse();
        assertThat(PackageName.isValid(".hidden")).isFalse();
        assertThat(PackageName.isValid("with space")).isFalse();
        assertThat(PackageName.isValid("@scope/")).isFalse();
        assertThat(PackageName.isValid("node_modules")).isFalse();
        assertThat(PackageName.isValid("a".repeat(215))).isFalse();
        assertThat(PackageName.isValid("ünicode")).isFalse();
    }

    @Test
    void checkLicenseExpressions() {
        assertThat(SpdxExpression.problem("MIT")).isEmpty();
        assertThat(SpdxExpression.problem("GPL-2.0+ WITH Classpath-exception-2.0")).isEmpty();
        assertThat(SpdxExpression.problem("(MIT OR Apache-2.0) AND LicenseRef-Acme")).isEmpty();
        assertThat(SpdxExpression.problem("UNLICENSED")).isEmpty();
        assertThat(SpdxExpression.problem("SEE LICENSE IN LICENSE.txt")).isEmpty();
        assertThat(SpdxExpression.problem("MIT OR")).isPresent();
        assertThat(SpdxExpression.problem("(MIT")).isPresent();
        assertThat(SpdxExpression.problem("Apache 2")).isPresent();
        assertThat(SpdxExpression.problem("MIT WITH Nope")).isPresent();
    }

    @Test
    void rocksAreDependenciesWithLuaRocksConstraints() {
        Manifest m = Manifest.parse("""
                {"name": "app", "dependencies": {"rocks:penlight": "~> 1.14", "rocks:lpeg": ">= 1.0, < 2", "json": "^1"},
                 "devDependencies": {"rocks:luaunit": "*"},
                 "rockPermissions": {"rocks:lpeg": {"native": true}, "rocks:penlight": {"filesystem": {"read": ["data"]}}}}
                """, "hype.json");
        assertThat(m.dependencies()).containsEntry("rocks:penlight", "~> 1.14").containsEntry("rocks:lpeg", ">= 1.0, < 2");
        assertThat(m.extras()).containsKey("rockPermissions");
    }

    @Test
    void reportBadRockNamesConstraintsAndPermissionsByField() {
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifest.parse("""
                {"name": "app",
                 "dependencies": {"rocks:Pen Light": "*", "rocks:lpeg": "^1.0", "rocks:x": "~> 1.0-2"},
                 "rockPermissions": {"lpeg": {}, "rocks:y": {"filesystem": {"read": ["/etc"]}, "unrestricted": true}}}
                """, "hype.json"));
        assertThat(e.problems()).extracting(ManifestProblem::path).containsExactlyInAnyOrder(
                "dependencies.rocks:Pen Light", "dependencies.rocks:lpeg", "dependencies.rocks:x",
                "rockPermissions.lpeg", "rockPermissions.rocks:y.filesystem.read[0]", "rockPermissions.rocks:y.unrestricted");
        assertThat(e.getMessage()).contains("\"^1.0\" is not a LuaRocks version constraint")
                .contains("invalid rock name").contains("an absolute path is not allowed")
                .contains("unknown permission");
    }
}
