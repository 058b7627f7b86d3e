package dev.hype.pm.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Read dependencies in the object form, and report every bad field with its line and column. */
class DependencySpecTest {
    private static List<String> problems(String json) {
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifest.parse(json, "hype.json"));
        assertThat(e).as("the manifest should be rejected").isNotNull();
        return e.problems().stream().map(ManifestProblem::toString).toList();
    }

    @Test
    void readTheObjectFormBesideStrings() {
        Manifest m = Manifest.parse("""
                {
                  "name": "app",
                  "dependencies": {
                    "plain": "^1.0.0",
                    "tls": {"version": "^2.1", "features": ["openssl"], "default-features": false},
                    "json": {"version": "*", "optional": true}
                  },
                  "devDependencies": {"busted": {"version": "~2.2", "features": ["coverage"]}},
                  "optionalDependencies": {"xml": {"version": "^3", "optional": true}, "yaml": "^1"},
                  "features": {"default": ["json"], "fast": ["tls/asm", "xml?/sax"]}
                }
                """, "hype.json");
        assertThat(m.dependencies()).containsExactly(java.util.Map.entry("plain", "^1.0.0"),
                java.util.Map.entry("tls", "^2.1"), java.util.Map.entry("json", "*"));
        assertThat(m.specs(DependencyKind.RUNTIME).get("plain"))
                .isEqualTo(new DependencySpec("^1.0.0", List.of(), false, true));
        assertThat(m.specs(DependencyKind.RUNTIME).get("tls"))
                .isEqualTo(new DependencySpec("^2.1", List.of("openssl"), false, false));
        assertThat(m.specs(DependencyKind.RUNTIME).get("json").optional()).isTrue();
        assertThat(m.specs(DependencyKind.DEV).get("busted").features()).containsExactly("coverage");
        assertThat(m.specs(DependencyKind.OPTIONAL).get("yaml")).isEqualTo(new DependencySpec("^1", List.of(), true, true));
        assertThat(m.optionalDependencies()).containsOnlyKeys("xml", "yaml");
    }

    @Test
    void roundTripTheObjectForm() {
        Manifest m = Manifest.parse("""
                {"name": "app", "dependencies": {"a": "^1", "b": {"version": "^2", "features": ["x"], "optional": true,
                 "default-features": false}}, "optionalDependencies": {"c": {"version": "^3", "features": ["y"]}},
                 "features": {"b": ["dep:b"], "c": ["c"]}}
                """, "hype.json");
        String json = m.toJson().toString();
        assertThat(json).contains("\"a\":\"^1\"",
                "\"b\":{\"version\":\"^2\",\"features\":[\"x\"],\"optional\":true,\"default-features\":false}",
                "\"c\":{\"version\":\"^3\",\"features\":[\"y\"]}");
        assertThat(Manifest.parse(json, "hype.json")).isEqualTo(m);
    }

    @Test
    void reportEveryBadFieldWhereItIs() {
        List<String> problems = problems("""
                {
                  "name": "app",
                  "dependencies": {
                    "a": 12,
                    "b": {"features": ["x"]},
                    "c": {"version": 2},
                    "d": {"version": "^1.x.y"},
                    "e": {"version": "^1", "features": "tls"},
                    "f": {"version": "^1", "features": ["ok", 3, "bad/name"]},
                    "g": {"version": "^1", "optional": "yes", "default-features": 0},
                    "h": {"version": "^1", "default_features": false, "path": "../h"}
                  },
                  "devDependencies": {"i": {"version": "^1", "optional": true}},
                  "optionalDependencies": {"j": {"version": "^1", "optional": false}}
                }
                """);
        assertThat(problems).containsExactly(
                "hype.json:4:10: dependencies.a: expected a version range string or an object with \"version\", "
                        + "\"features\", \"optional\" and \"default-features\"",
                "hype.json:5:10: dependencies.b: missing required field \"version\"",
                "hype.json:6:22: dependencies.c.version: expected a version range string",
                "hype.json:7:22: dependencies.d.version: \"^1.x.y\" is not a valid version range",
                "hype.json:8:40: dependencies.e.features: expected an array of feature names",
                "hype.json:9:47: dependencies.f.features[1]: expected a feature name",
                "hype.json:9:50: dependencies.f.features[2]: \"bad/name\" is not a feature name (use letters, digits "
                        + "and _, then also - and +)",
                "hype.json:10:40: dependencies.g.optional: expected true or false",
                "hype.json:10:67: dependencies.g.default-features: expected true or false",
                "hype.json:11:48: dependencies.h.default_features: unknown field; did you mean \"default-features\"?",
                "hype.json:11:63: dependencies.h.path: unknown field (expected \"version\", \"features\", \"optional\" "
                        + "or \"default-features\")",
                "hype.json:13:58: devDependencies.i.optional: a dev dependency cannot be optional (features cannot "
                        + "enable it)",
                "hype.json:14:63: optionalDependencies.j.optional: every entry of optionalDependencies is optional; "
                        + "move it to dependencies to make it required");
    }

    @Test
    void checkFeatureEntriesAgainstTheDependencies() {
        List<String> problems = problems("""
                {
                  "name": "app",
                  "dependencies": {"req": "^1", "opt": {"version": "^1", "optional": true}, "hidden": {"version": "^1", "optional": true}},
                  "features": {
                    "a": ["req", "ghost", "dep:req", "dep:ghost"],
                    "b": ["req/x", "opt/y", "opt?/z", "req?/w", "ghost/v"],
                    "c": ["hidden", "dep:hidden", "a/b/c", "dep:", "x?"],
                    "no.dots": []
                  }
                }
                """);
        assertThat(problems).containsExactly(
                "hype.json:5:11: features.a[0]: \"req\" names a dependency that is not optional (make it optional, or "
                        + "write \"req/FEATURE\" to enable one of its features)",
                "hype.json:5:18: features.a[1]: \"ghost\" is neither an optional dependency nor a feature",
                "hype.json:5:27: features.a[2]: \"dep:req\" names req, which is not an optional dependency",
                "hype.json:5:38: features.a[3]: \"dep:ghost\" names ghost, which is not a dependency",
                "hype.json:6:39: features.b[3]: \"req?/w\": req is not optional, so \"?\" means nothing; write \"req/w\"",
                "hype.json:6:49: features.b[4]: \"ghost/v\" names ghost, which is not a dependency",
                "hype.json:7:11: features.c[0]: \"hidden\" is an optional dependency that another entry enables as "
                        + "\"dep:hidden\", so it implies no feature; write \"dep:hidden\" here too",
                "hype.json:7:35: features.c[2]: \"a/b/c\" is not a feature entry (expected a feature name, \"dep:name\", "
                        + "\"dep/feature\" or \"dep?/feature\")",
                "hype.json:7:44: features.c[3]: \"dep:\" is not a feature entry (expected a feature name, \"dep:name\", "
                        + "\"dep/feature\" or \"dep?/feature\")",
                "hype.json:7:52: features.c[4]: \"x?\" is not a feature entry (expected a feature name, \"dep:name\", "
                        + "\"dep/feature\" or \"dep?/feature\")",
                "hype.json:8:16: features.no.dots: \"no.dots\" is not a feature name (use letters, digits and _, then "
                        + "also - and +)");
    }

    @Test
    void rejectADependencyDeclaredBothRequiredAndOptional() {
        assertThat(problems("{\"name\": \"app\", \"dependencies\": {\"a\": \"^1\"}, \"optionalDependencies\": {\"a\": \"^1\"}}"))
                .containsExactly("hype.json:1:76: optionalDependencies.a: \"a\" is also in dependencies; declare it once "
                        + "(with \"optional\": true there to make it optional)");
    }

    @Test
    void acceptScopedOptionalDependenciesInEntries() {
        Manifest m = Manifest.parse("""
                {"name": "app", "optionalDependencies": {"@acme/json": "^1", "@acme/xml": "^1"},
                 "features": {"json": ["@acme/json", "@acme/json/pretty"], "xml": ["dep:@acme/xml", "@acme/xml?/sax"]}}
                """, "hype.json");
        assertThat(m.features().get("xml")).containsExactly("dep:@acme/xml", "@acme/xml?/sax");
    }

    @Test
    void editTheVersionOfAnObjectDeclarationInPlace() {
        String text = """
                {
                  "name": "app",
                  "dependencies": {
                    "tls": {"features": ["openssl"], "version": "^2.1", "default-features": false}
                  }
                }
                """;
        String edited = ManifestEditor.of(text).addDependency(DependencyKind.RUNTIME, "tls", "^3.0.0").text();
        assertThat(edited).isEqualTo(text.replace("\"^2.1\"", "\"^3.0.0\""));
    }
}
