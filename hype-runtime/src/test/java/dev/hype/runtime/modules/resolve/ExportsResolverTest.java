package dev.hype.runtime.modules.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportsResolverTest {
    private static final Path PKG = Path.of("/p/node_modules/pkg");

    private static PackageJson manifest(String json) {
        return PackageJsonCache.parse(PKG.resolve("hype.json"), json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static ExportsResolver resolver(String... extra) {
        Set<String> conditions = new java.util.LinkedHashSet<>(ResolverOptions.DEFAULT_CONDITIONS);
        conditions.addAll(List.of(extra));
        return new ExportsResolver(conditions, (request, dir) -> Path.of("/resolved-bare").resolve(request));
    }

    private static String export(String json, String subpath, String... conditions) {
        return PKG.relativize(resolver(conditions).resolveExport(manifest(json), subpath)).toString();
    }

    @Test
    void stringExportsIsTheMainSugar() {
        assertThat(export("{'exports': './main.lua'}", ".")).isEqualTo("main.lua");
    }

    @Test
    void stringExportsExportsNothingElse() {
        assertThatThrownBy(() -> export("{'exports': './main.lua'}", "./other"))
                .isInstanceOf(PackageResolutionException.class)
                .hasMessageContaining("package subpath './other' is not defined by \"exports\"")
                .hasMessageContaining("pkg");
    }

    @Test
    void conditionsObjectWithoutDotKeysIsTheMainSugar() {
        assertThat(export("{'exports': {'hype': './h.lua', 'default': './d.lua'}}", ".")).isEqualTo("h.lua");
    }

    @Test
    void conditionsMatchInKeyOrderNotInPriorityOrder() {
        assertThat(export("{'exports': {'default': './d.lua', 'hype': './h.lua'}}", ".")).isEqualTo("d.lua");
        assertThat(export("{'exports': {'require': './r.lua', 'hype': './h.lua'}}", ".")).isEqualTo("r.lua");
    }

    @Test
    void unknownConditionsAreSkipped() {
        assertThat(export("{'exports': {'import': './esm.lua', 'node': './n.lua', 'default': './d.lua'}}", "."))
                .isEqualTo("d.lua");
    }

    @Test
    void userConditionsMatchWhenGiven() {
        String json = "{'exports': {'development': './dev.lua', 'default': './prod.lua'}}";
        assertThat(export(json, ".")).isEqualTo("prod.lua");
        assertThat(export(json, ".", "development")).isEqualTo("dev.lua");
    }

    @Test
    void nestedConditionsFallThroughWhenTheInnerObjectMatchesNothing() {
        String json = "{'exports': {'.': {'hype': {'import': './i.lua'}, 'default': './d.lua'}}}";
        assertThat(export(json, ".")).isEqualTo("d.lua");
        String matched = "{'exports': {'.': {'hype': {'require': './hr.lua'}, 'default': './d.lua'}}}";
        assertThat(export(matched, ".")).isEqualTo("hr.lua");
    }

    @Test
    void exactSubpaths() {
        String json = "{'exports': {'.': './index.lua', './feature': './src/feature.lua', './data.json': './data.json'}}";
        assertThat(export(json, ".")).isEqualTo("index.lua");
        assertThat(export(json, "./feature")).isEqualTo("src/feature.lua");
        assertThat(export(json, "./data.json")).isEqualTo("data.json");
    }

    @Test
    void missingMainIsNotExported() {
        assertThatThrownBy(() -> export("{'exports': {'./a': './a.lua'}}", "."))
                .hasMessageContaining("no \"exports\" main defined")
                .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_PACKAGE_PATH_NOT_EXPORTED");
    }

    @Test
    void patternsSubstituteEveryStarInTheTarget() {
        String json = "{'exports': {'./features/*': './src/*/*.lua'}}";
        assertThat(export(json, "./features/x")).isEqualTo("src/x/x.lua");
    }

    @Test
    void patternMatchesMaySpanDirectories() {
        assertThat(export("{'exports': {'./lib/*': './src/*.lua'}}", "./lib/a/b")).isEqualTo("src/a/b.lua");
    }

    @Test
    void patternsWithTrailers() {
        String json = "{'exports': {'./*.lua': './src/*.lua'}}";
        assertThat(export(json, "./x.lua")).isEqualTo("src/x.lua");
        assertThatThrownBy(() -> export(json, "./x.json")).isInstanceOf(PackageResolutionException.class);
    }

    @Test
    void patternMatchMustNotBeEmpty() {
        assertThatThrownBy(() -> export("{'exports': {'./a/*': './src/*.lua'}}", "./a/"))
                .isInstanceOf(PackageResolutionException.class);
    }

    @Test
    void longerPatternPrefixWinsRegardlessOfKeyOrder() {
        String json = "{'exports': {'./*': './any/*.lua', './lib/*': './lib/*.lua', './lib/internal/*': './deep/*.lua'}}";
        assertThat(export(json, "./lib/x")).isEqualTo("lib/x.lua");
        assertThat(export(json, "./lib/internal/x")).isEqualTo("deep/x.lua");
        assertThat(export(json, "./other")).isEqualTo("any/other.lua");
    }

    @Test
    void samePrefixLongerKeyWins() {
        String json = "{'exports': {'./a/*': './short/*.lua', './a/*.lua': './long/*.lua'}}";
        assertThat(export(json, "./a/x.lua")).isEqualTo("long/x.lua");
        assertThat(export(json, "./a/x")).isEqualTo("short/x.lua");
    }

    @Test
    void exactKeysBeatPatterns() {
        String json = "{'exports': {'./lib/*': './lib/*.lua', './lib/special': './special.lua'}}";
        assertThat(export(json, "./lib/special")).isEqualTo("special.lua");
    }

    @Test
    void patternKeysWithTwoStarsAreIgnored() {
        assertThatThrownBy(() -> export("{'exports': {'./*/*': './x/*.lua'}}", "./a/b"))
                .isInstanceOf(PackageResolutionException.class);
    }

    @Test
    void nullExcludesASubpathFromAPattern() {
        String json = "{'exports': {'./lib/*': './lib/*.lua', './lib/private/*': null}}";
        assertThat(export(json, "./lib/public")).isEqualTo("lib/public.lua");
        assertThatThrownBy(() -> export(json, "./lib/private/x"))
                .hasMessageContaining("'./lib/private/x' is not defined");
    }

    @Test
    void nullExcludesAnExactSubpath() {
        assertThatThrownBy(() -> export("{'exports': {'.': './i.lua', './hidden': null}}", "./hidden"))
                .isInstanceOf(PackageResolutionException.class);
    }

    @Test
    void nullUnderAConditionExcludes() {
        assertThatThrownBy(() -> export("{'exports': {'.': {'hype': null, 'default': './d.lua'}}}", "."))
                .isInstanceOf(PackageResolutionException.class);
    }

    @Test
    void arraysFallBackPastInvalidTargets() {
        assertThat(export("{'exports': {'.': ['not-relative', './ok.lua']}}", ".")).isEqualTo("ok.lua");
    }

    @Test
    void arraysFallBackPastUnmatchedConditions() {
        assertThat(export("{'exports': [{'import': './i.lua'}, './fallback.lua']}", ".")).isEqualTo("fallback.lua");
    }

    @Test
    void arraysOfOnlyInvalidTargetsThrowTheLastError() {
        assertThatThrownBy(() -> export("{'exports': {'.': ['bad-one', 'bad-two']}}", "."))
                .hasMessageContaining("bad-two")
                .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_INVALID_PACKAGE_TARGET");
    }

    @Test
    void emptyArrayExportsNothing() {
        assertThatThrownBy(() -> export("{'exports': {'.': []}}", "."))
                .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_PACKAGE_PATH_NOT_EXPORTED");
    }

    @Test
    void targetsMustStartWithDotSlash() {
        assertThatThrownBy(() -> export("{'exports': {'.': 'index.lua'}}", "."))
                .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_INVALID_PACKAGE_TARGET");
        assertThatThrownBy(() -> export("{'exports': {'.': '../outside.lua'}}", "."))
                .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_INVALID_PACKAGE_TARGET");
    }

    @Test
    void targetsMayNotContainDotDotOrModulesSegments() {
        for (String target : List.of("./a/../b.lua", "./node_modules/x.lua", "./a/./b.lua", "./hype_modules/x.lua")) {
            assertThatThrownBy(() -> export("{'exports': {'.': '" + target + "'}}", "."))
                    .as(target)
                    .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_INVALID_PACKAGE_TARGET");
        }
    }

    @Test
    void patternMatchesMayNotEscapeThePackage() {
        assertThatThrownBy(() -> export("{'exports': {'./*': './src/*.lua'}}", "./../../secret"))
                .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_INVALID_MODULE_SPECIFIER");
    }

    @Test
    void numericConditionKeysAreInvalidConfig() {
        assertThatThrownBy(() -> export("{'exports': {'.': {'0': './a.lua'}}}", "."))
                .isInstanceOf(PackageConfigException.class)
                .hasMessageContaining("\"exports\"");
    }

    @Test
    void mixingSubpathAndConditionKeysIsInvalidConfig() {
        assertThatThrownBy(() -> manifest("{'exports': {'.': './a.lua', 'hype': './b.lua'}}"))
                .isInstanceOf(PackageConfigException.class)
                .hasMessageContaining("\"exports\"")
                .hasMessageContaining("hype.json");
    }

    @Test
    void patternKeyCompareFollowsNode() {
        assertThat(ExportsResolver.patternKeyCompare("./a/*", "./*")).isEqualTo(-1);
        assertThat(ExportsResolver.patternKeyCompare("./*", "./a/*")).isEqualTo(1);
        assertThat(ExportsResolver.patternKeyCompare("./a/*.lua", "./a/*")).isEqualTo(-1);
        assertThat(ExportsResolver.patternKeyCompare("./a/*", "./a/*")).isZero();
        assertThat(ExportsResolver.patternKeyCompare("", "./*")).isEqualTo(1);
    }

    // imports

    private static String imp(String json, String name, String... conditions) {
        Path resolved = resolver(conditions).resolveImport(manifest(json), name, PKG);
        return resolved.startsWith(PKG) ? PKG.relativize(resolved).toString() : resolved.toString();
    }

    @Test
    void importsExactAndConditional() {
        String json = "{'imports': {'#dep': {'hype': './vendor/dep.lua', 'default': './dep.lua'}, '#x': './x.lua'}}";
        assertThat(imp(json, "#dep")).isEqualTo("vendor/dep.lua");
        assertThat(imp(json, "#x")).isEqualTo("x.lua");
    }

    @Test
    void importsPatterns() {
        String json = "{'imports': {'#internal/*': './src/internal/*.lua', '#internal/special/*': './special/*.lua'}}";
        assertThat(imp(json, "#internal/a")).isEqualTo("src/internal/a.lua");
        assertThat(imp(json, "#internal/special/b")).isEqualTo("special/b.lua");
    }

    @Test
    void importsMayTargetBarePackages() {
        assertThat(imp("{'imports': {'#json': 'json-lib'}}", "#json")).isEqualTo("/resolved-bare/json-lib");
        assertThat(imp("{'imports': {'#lib/*': 'lib-pkg/*'}}", "#lib/x")).isEqualTo("/resolved-bare/lib-pkg/x");
    }

    @Test
    void undefinedImportsAreErrors() {
        assertThatThrownBy(() -> imp("{'imports': {'#a': './a.lua'}}", "#b"))
                .hasMessageContaining("'#b' is not defined")
                .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_PACKAGE_IMPORT_NOT_DEFINED");
        assertThatThrownBy(() -> imp("{'imports': {'#a': null}}", "#a"))
                .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_PACKAGE_IMPORT_NOT_DEFINED");
    }

    @Test
    void invalidImportNames() {
        for (String name : List.of("#", "#/x", "#a/")) {
            assertThatThrownBy(() -> imp("{'imports': {'#a': './a.lua'}}", name))
                    .as(name)
                    .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_INVALID_MODULE_SPECIFIER");
        }
    }

    @Test
    void importKeysMustStartWithHash() {
        assertThatThrownBy(() -> manifest("{'imports': {'dep': './a.lua'}}"))
                .isInstanceOf(PackageConfigException.class)
                .hasMessageContaining("\"imports\"");
    }
}
