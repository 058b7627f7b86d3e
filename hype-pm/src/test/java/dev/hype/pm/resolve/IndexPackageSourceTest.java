package dev.hype.pm.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.semver.Version;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexPackageSourceTest {

    @Test
    void readVersionsDependenciesOptionalsAndFeatures() {
        IndexPackageSource source = IndexPackageSource.parse("""
                {"packages": {"a": {
                  "1.0.0": {"dependencies": {"b": "^1.0"}},
                  "2.0.0-rc.1": {"optionalDependencies": {"c": "*"}, "features": {"default": ["c"]}}
                }}}
                """, "index.json");
        assertThat(source.versions("a")).hasValueSatisfying(v ->
                assertThat(v).containsExactlyInAnyOrder(Version.parse("1.0.0"), Version.parse("2.0.0-rc.1")));
        assertThat(source.versions("zzz")).isEmpty();
        assertThat(source.dependencies("a", Version.parse("1.0.0")).required().get("b").contains(Version.parse("1.9.0"))).isTrue();
        Dependencies rc = source.dependencies("a", Version.parse("2.0.0-rc.1"));
        assertThat(rc.optional()).containsOnlyKeys("c");
        assertThat(rc.features()).containsEntry("default", List.of("c"));
    }

    @Test
    void readTheObjectFormOfADependency() {
        Dependencies deps = IndexPackageSource.parse("""
                {"packages": {"a": {"1.0.0": {"dependencies": {
                  "b": {"version": "^1", "features": ["x"], "default-features": false, "registry": "ignored"},
                  "c": {"version": "^2", "optional": true}}}}}}
                """, "index.json").dependencies("a", Version.parse("1.0.0"));
        assertThat(deps.required()).containsOnlyKeys("b");
        assertThat(deps.optional()).containsOnlyKeys("c");
        assertThat(deps.request("b")).isEqualTo(FeatureRequest.of(List.of("x"), false));
        assertThat(deps.request("c")).isEqualTo(FeatureRequest.DEFAULT);
        assertThatThrownBy(() -> IndexPackageSource.parse(
                "{\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"b\": {\"version\": \"^1\", \"optional\": 1}}}}}}",
                "index.json")).hasMessage("index.json: packages.a.1.0.0.dependencies.b.optional: expected true or false");
        assertThatThrownBy(() -> IndexPackageSource.parse(
                "{\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"b\": {\"features\": []}}}}}}", "index.json"))
                .hasMessage("index.json: packages.a.1.0.0.dependencies.b: expected a version range or an object with a "
                        + "\"version\"");
    }

    @Test
    void nameTheFaultyEntry() {
        assertThatThrownBy(() -> IndexPackageSource.parse("{\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"b\": \"^1.x.y\"}}}}}", "index.json"))
                .isInstanceOfSatisfying(IndexException.class, e -> assertThat(e.code()).isEqualTo("E_INDEX"))
                .hasMessage("index.json: packages.a.1.0.0.dependencies.b: \"^1.x.y\" is not a valid version range");
        assertThatThrownBy(() -> IndexPackageSource.parse("{\"packages\": {\"a\": {\"one\": {}}}}", "index.json"))
                .hasMessage("index.json: packages.a.one: not a valid version");
        assertThatThrownBy(() -> IndexPackageSource.parse("[]", "index.json"))
                .hasMessageContaining("expected an object \"packages\"");
        assertThatThrownBy(() -> IndexPackageSource.parse("{", "index.json")).hasMessageStartingWith("index.json: invalid JSON");
    }
}
