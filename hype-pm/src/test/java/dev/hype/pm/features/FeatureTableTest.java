package dev.hype.pm.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureTableTest {
    @Test
    void parseTheFourFormsOfEntry() {
        assertThat(FeatureEntry.parse("tls")).contains(new FeatureEntry.Feature("tls"));
        assertThat(FeatureEntry.parse("dep:openssl")).contains(new FeatureEntry.Dependency("openssl"));
        assertThat(FeatureEntry.parse("serde/derive")).contains(new FeatureEntry.DependencyFeature("serde", "derive", false));
        assertThat(FeatureEntry.parse("serde?/derive")).contains(new FeatureEntry.DependencyFeature("serde", "derive", true));
        assertThat(FeatureEntry.parse("@a/b")).contains(new FeatureEntry.Feature("@a/b"));
        assertThat(FeatureEntry.parse("@a/b?/c")).contains(new FeatureEntry.DependencyFeature("@a/b", "c", true));
        assertThat(FeatureEntry.parse("dep:@a/b")).contains(new FeatureEntry.Dependency("@a/b"));
        for (String bad : List.of("", "dep:", "a/", "/a", "a//b", "a?", "?/a", "dep:a/b", "a:b", "a/b/c", "a/b.c")) {
            assertThat(FeatureEntry.parse(bad)).as(bad).isEmpty();
        }
        assertThat(FeatureEntry.parse("serde?/derive").orElseThrow()).hasToString("serde?/derive");
    }

    @Test
    void implyAFeaturePerOptionalDependencyNotNamedWithDep() {
        FeatureTable table = new FeatureTable(Set.of("core"), Set.of("json", "xml"),
                Map.of("fast", List.of("dep:xml"), "json", List.of("fast")));
        assertThat(table.features()).containsExactly("fast", "json");
        assertThat(table.impliedFeatures()).containsExactly("json");
        assertThat(table.has("default")).isTrue();
        assertThat(table.has("xml")).isFalse();
        assertThat(table.entries("json")).containsExactly(new FeatureEntry.Feature("fast"), new FeatureEntry.Dependency("json"));
        assertThat(table.problem("fast")).isEqualTo(Optional.empty());
    }
}
