package dev.hype.runtime.modules.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleResolverTest {
    @TempDir
    Path temp;
    Path root;
    Path home;

    @BeforeEach
    void canonicalRoot() throws IOException {
        root = temp.toRealPath().resolve("project");
        home = temp.toRealPath().resolve("home");
        Files.createDirectories(root);
    }

    private Path file(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content.replace('\'', '"'));
        return file;
    }

    private Path file(String path) throws IOException {
        return file(path, "return 1");
    }

    private ModuleResolver resolver(String... conditions) {
        return ModuleResolver.create(new ResolverOptions(Set.of(conditions), home, root, Set.of("fs", "path")::contains));
    }

    private String resolve(String id, String from) {
        Resolution r = resolver().resolve(id, root.resolve(from), null, false);
        return r.kind() == Resolution.Kind.BUILTIN ? "builtin:" + r.key() : root.relativize(Path.of(r.key())).toString();
    }

    private String resolve(String id) {
        return resolve(id, "");
    }

    @Test
    void builtinsWinOverPackagesOfTheSameName() throws IOException {
        file("hype_modules/fs/index.lua");
        assertThat(resolve("fs")).isEqualTo("builtin:fs");
        assertThat(resolve("hype:path")).isEqualTo("builtin:path");
    }

    @Test
    void unknownHypePrefixedNamesAreNotFound() {
        assertThatThrownBy(() -> resolve("hype:nope"))
                .isInstanceOf(ModuleNotFoundException.class).hasMessageContaining("no built-in module named 'nope'");
    }

    @Test
    void loadAsFileTriesExactThenLuaThenJson() throws IOException {
        file("a.lua");
        file("a.json", "{}");
        assertThat(resolve("./a")).isEqualTo("a.lua");
        file("a");
        assertThat(resolve("./a")).isEqualTo("a");
        file("b.json", "{}");
        assertThat(resolve("./b")).isEqualTo("b.json");
    }

    @Test
    void fileBeatsDirectoryOfTheSameName() throws IOException {
        file("lib.lua");
        file("lib/index.lua");
        assertThat(resolve("./lib")).isEqualTo("lib.lua");
        assertThat(resolve("./lib/")).isEqualTo("lib/index.lua");
    }

    @Test
    void loadIndexTriesIndexThenInit() throws IOException {
        file("d/init.lua");
        assertThat(resolve("./d")).isEqualTo("d/init.lua");
        file("d/index.lua");
        assertThat(resolve("./d")).isEqualTo("d/index.lua");
    }

    @Test
    void directoryMainIsTriedAsFileThenAsIndex() throws IOException {
        file("p/hype.json", "{'main': 'src/entry'}");
        file("p/src/entry/init.lua");
        file("p/index.lua");
        assertThat(resolve("./p")).isEqualTo("p/src/entry/init.lua");
        file("q/hype.json", "{'main': 'main'}");
        file("q/main.lua");
        assertThat(resolve("./q")).isEqualTo("q/main.lua");
    }

    @Test
    void missingMainFallsBackToIndex() throws IOException {
        file("p/hype.json", "{'main': 'gone.lua'}");
        file("p/index.lua");
        assertThat(resolve("./p")).isEqualTo("p/index.lua");
    }

    @Test
    void missingMainWithoutIndexNamesTheManifest() throws IOException {
        file("p/hype.json", "{'main': 'gone.lua'}");
        assertThatThrownBy(() -> resolve("./p"))
                .isInstanceOf(ModuleNotFoundException.class)
                .hasMessageContaining("named by \"main\"")
                .hasMessageContaining(root.resolve("p/hype.json").toString());
    }

    @Test
    void relativeIdsResolveFromTheRequiringDirectory() throws IOException {
        file("src/util.lua");
        file("util.lua");
        assertThat(resolve("./util", "src")).isEqualTo("src/util.lua");
        assertThat(resolve("../util", "src")).isEqualTo("util.lua");
        file("index.lua");
        assertThat(resolve("..", "src")).isEqualTo("index.lua");
        assertThat(resolve(".", "")).isEqualTo("index.lua");
    }

    @Test
    void absoluteIds() throws IOException {
        Path a = file("abs/a.lua");
        assertThat(resolve(root.resolve("abs/a").toString(), "elsewhere")).isEqualTo("abs/a.lua");
        assertThat(resolve(a.toString())).isEqualTo("abs/a.lua");
    }

    @Test
    void hypeModulesComeBeforeNodeModulesAtEachLevel() throws IOException {
        file("node_modules/dep/index.lua");
        assertThat(resolve("dep")).isEqualTo("node_modules/dep/index.lua");
        file("hype_modules/dep/index.lua");
        assertThat(resolve("dep")).isEqualTo("hype_modules/dep/index.lua");
    }

    @Test
    void nearerNodeModulesBeatFartherHypeModules() throws IOException {
        file("hype_modules/dep/index.lua");
        file("app/node_modules/dep/index.lua");
        assertThat(resolve("dep", "app/src")).isEqualTo("app/node_modules/dep/index.lua");
    }

    @Test
    void bareIdsWalkUpTheTree() throws IOException {
        file("hype_modules/dep.lua");
        Files.createDirectories(root.resolve("a/b/c"));
        assertThat(resolve("dep", "a/b/c")).isEqualTo("hype_modules/dep.lua");
        file("hype_modules/dep/sub/x.lua");
        assertThat(resolve("dep/sub/x", "a/b/c")).isEqualTo("hype_modules/dep/sub/x.lua");
    }

    @Test
    void hypeHomeModulesComeAfterTheWalk() throws IOException {
        Path global = home.resolve("modules/tool/index.lua");
        Files.createDirectories(global.getParent());
        Files.writeString(global, "return 1");
        assertThat(resolver().resolve("tool", root, null, false).key()).isEqualTo(global.toString());
        file("hype_modules/tool/index.lua");
        assertThat(resolve("tool")).isEqualTo("hype_modules/tool/index.lua");
    }

    @Test
    void lookupPathsListEveryLevelThenTheHome() {
        List<Path> paths = resolver().lookupPaths("x", root.resolve("a/hype_modules/pkg"));
        assertThat(paths).startsWith(root.resolve("a/hype_modules/pkg/hype_modules"),
                root.resolve("a/hype_modules/pkg/node_modules"), root.resolve("a/hype_modules"),
                root.resolve("a/node_modules"), root.resolve("hype_modules"));
        assertThat(paths).doesNotContain(root.resolve("a/hype_modules/hype_modules"));
        assertThat(paths.getLast()).isEqualTo(home.resolve("modules"));
        assertThat(resolver().lookupPaths("./x", root)).containsExactly(root);
        assertThat(resolver().lookupPaths("fs", root)).isNull();
    }

    @Test
    void packageExportsAreUsedInModuleDirectories() throws IOException {
        file("hype_modules/lib/hype.json", "{'name': 'lib', 'exports': {'.': './src/main.lua', './extra': './src/extra.lua'}}");
        file("hype_modules/lib/src/main.lua");
        file("hype_modules/lib/src/extra.lua");
        file("hype_modules/lib/index.lua");
        assertThat(resolve("lib")).isEqualTo("hype_modules/lib/src/main.lua");
        assertThat(resolve("lib/extra")).isEqualTo("hype_modules/lib/src/extra.lua");
    }

    @Test
    void unexportedSubpathNamesThePackageAndSubpath() throws IOException {
        file("hype_modules/lib/hype.json", "{'name': 'lib', 'exports': {'.': './main.lua'}}");
        file("hype_modules/lib/main.lua");
        file("hype_modules/lib/secret.lua");
        assertThatThrownBy(() -> resolve("lib/secret"))
                .isInstanceOf(PackageResolutionException.class)
                .hasMessageContaining("'./secret'")
                .hasMessageContaining("'lib'");
    }

    @Test
    void exportsTargetsMustExist() throws IOException {
        file("hype_modules/lib/hype.json", "{'exports': './missing.lua'}");
        assertThatThrownBy(() -> resolve("lib"))
                .isInstanceOf(ModuleNotFoundException.class).hasMessageContaining("missing.lua");
    }

    @Test
    void scopedPackages() throws IOException {
        file("hype_modules/@org/lib/hype.json", "{'exports': {'./x': './x.lua'}}");
        file("hype_modules/@org/lib/x.lua");
        assertThat(resolve("@org/lib/x")).isEqualTo("hype_modules/@org/lib/x.lua");
    }

    @Test
    void conditionsSelectExportTargets() throws IOException {
        file("hype_modules/lib/hype.json", "{'exports': {'dev': './dev.lua', 'hype': './hype.lua', 'default': './d.lua'}}");
        file("hype_modules/lib/dev.lua");
        file("hype_modules/lib/hype.lua");
        assertThat(resolver().resolve("lib", root, null, false).key()).endsWith("hype.lua");
        assertThat(resolver("dev").resolve("lib", root, null, false).key()).endsWith("dev.lua");
    }

    @Test
    void selfReferenceThroughTheOwnExports() throws IOException {
        file("hype.json", "{'name': 'me', 'exports': {'.': './lib/main.lua', './util': './lib/util.lua'}}");
        file("lib/main.lua");
        file("lib/util.lua");
        file("hype_modules/me/index.lua");
        assertThat(resolve("me", "lib")).isEqualTo("lib/main.lua");
        assertThat(resolve("me/util", "lib")).isEqualTo("lib/util.lua");
    }

    @Test
    void selfReferenceNeedsExports() throws IOException {
        file("hype.json", "{'name': 'me', 'main': 'lib/main.lua'}");
        file("lib/main.lua");
        assertThatThrownBy(() -> resolve("me", "lib")).isInstanceOf(ModuleNotFoundException.class);
    }

    @Test
    void importsOfTheNearestManifest() throws IOException {
        file("hype.json", "{'imports': {'#config': './config/default.lua', '#internal/*': './src/internal/*.lua'}}");
        file("config/default.lua");
        file("src/internal/db.lua");
        assertThat(resolve("#config", "src/deep")).isEqualTo("config/default.lua");
        assertThat(resolve("#internal/db", "src")).isEqualTo("src/internal/db.lua");
        assertThatThrownBy(() -> resolve("#nope", "src"))
                .isInstanceOf(PackageResolutionException.class).hasMessageContaining("'#nope' is not defined");
    }

    @Test
    void importsMayNameDependencies() throws IOException {
        file("hype.json", "{'imports': {'#json': 'json-lib'}}");
        file("hype_modules/json-lib/index.lua");
        assertThat(resolve("#json")).isEqualTo("hype_modules/json-lib/index.lua");
    }

    @Test
    void packageScopeStopsAtModuleDirectories() throws IOException {
        file("hype.json", "{'imports': {'#x': './x.lua'}}");
        file("x.lua");
        file("hype_modules/dep/index.lua");
        assertThatThrownBy(() -> resolver().resolve("#x", root.resolve("hype_modules/dep"), null, false))
                .isInstanceOf(ModuleNotFoundException.class);
    }

    @Test
    void packagePathIsTheLastStepForDottedNames() throws IOException {
        file("lua/socket/http.lua");
        String path = "./lua/?.lua;./lua/?/init.lua";
        Resolution r = resolver().resolve("socket.http", root.resolve("app"), path, false);
        assertThat(r.kind()).isEqualTo(Resolution.Kind.LUA_PATH);
        assertThat(r.key()).isEqualTo(root.resolve("lua/socket/http.lua").toString());
        file("hype_modules/socket.http.lua");
        assertThat(resolver().resolve("socket.http", root.resolve("app"), path, false).kind())
                .isEqualTo(Resolution.Kind.FILE);
    }

    @Test
    void preloadedLuaModulesAnswerBeforePackagePath() throws IOException {
        file("lua/lpeg.lua");
        Resolution r = resolver().resolve("lpeg", root, "./lua/?.lua", true);
        assertThat(r.kind()).isEqualTo(Resolution.Kind.LUA_LOADED);
    }

    @Test
    void notFoundListsEveryLocationTriedInOrder() throws IOException {
        Files.createDirectories(root.resolve("hype_modules"));
        ModuleNotFoundException e = (ModuleNotFoundException) org.assertj.core.api.Assertions.catchThrowable(
                () -> resolver().resolve("nope.x", root, "./?.lua", false));
        assertThat(e.code()).isEqualTo("MODULE_NOT_FOUND");
        assertThat(e.tried()).containsSubsequence(
                root.resolve("hype_modules/nope.x").toString(),
                root.resolve("hype_modules/nope.x.lua").toString(),
                root.resolve("hype_modules/nope.x.json").toString(),
                root.resolve("nope/x.lua").toString());
        assertThat(e.getMessage()).contains("cannot find module 'nope.x'").contains("tried, in order:");
    }

    @Test
    void notFoundForRelativeIdsListsFileThenIndexCandidates() throws IOException {
        Files.createDirectories(root.resolve("dir"));
        ModuleNotFoundException e = (ModuleNotFoundException) org.assertj.core.api.Assertions.catchThrowable(
                () -> resolve("./dir"));
        assertThat(e.tried()).containsExactly(root.resolve("dir").toString(), root.resolve("dir.lua").toString(),
                root.resolve("dir.json").toString(), root.resolve("dir/index.lua").toString(),
                root.resolve("dir/init.lua").toString());
    }

    @Test
    void symlinksResolveToTheirTarget() throws IOException {
        Path real = file("real/mod.lua");
        Files.createDirectories(root.resolve("hype_modules"));
        Files.createSymbolicLink(root.resolve("hype_modules/linked"), root.resolve("real"));
        Files.createSymbolicLink(root.resolve("alias.lua"), real);
        assertThat(resolve("linked/mod")).isEqualTo("real/mod.lua");
        assertThat(resolve("./alias")).isEqualTo("real/mod.lua");
    }

    @Test
    void invalidJsonNamesFileLineAndColumn() throws IOException {
        file("p/hype.json", "{\n  'main': 'x.lua',\n  oops\n}");
        assertThatThrownBy(() -> resolve("./p"))
                .isInstanceOf(PackageConfigException.class)
                .hasMessageContaining(root.resolve("p/hype.json").toString())
                .hasMessageContaining("line 3, column 3");
    }

    @Test
    void wrongFieldTypesNameTheField() throws IOException {
        file("p/hype.json", "{'main': 42}");
        assertThatThrownBy(() -> resolve("./p"))
                .isInstanceOf(PackageConfigException.class)
                .hasMessageContaining("\"main\"").hasMessageContaining("expected a string, found a number");
        file("q/hype.json", "{'name': 'q', 'exports': 7}");
        file("q/index.lua");
        assertThatThrownBy(() -> resolver().resolve("q", root.resolve("q"), null, false))
                .isInstanceOf(PackageConfigException.class).hasMessageContaining("\"exports\"");
    }

    @Test
    void manifestsAreCachedIncludingAbsentOnes() throws IOException {
        ModuleResolver resolver = resolver();
        file("p/index.lua");
        file("p/other.lua");
        assertThat(resolver.resolve("./p", root, null, false).key()).endsWith("index.lua");
        file("p/hype.json", "{'main': 'other.lua'}");
        assertThat(resolver.resolve("./p", root, null, false).key()).endsWith("index.lua");
        assertThat(resolver().resolve("./p", root, null, false).key()).endsWith("other.lua");
    }

    @Test
    void specifierClassification() {
        java.util.function.Predicate<String> builtin = "fs"::equals;
        assertThat(Specifier.parse("fs", builtin)).isInstanceOf(Specifier.Builtin.class);
        assertThat(Specifier.parse("hype:x", builtin)).isEqualTo(new Specifier.Builtin("hype:x", "x"));
        assertThat(Specifier.parse("..", builtin)).isInstanceOf(Specifier.FilePath.class);
        assertThat(Specifier.parse("/a", builtin)).isEqualTo(new Specifier.FilePath("/a", true));
        assertThat(Specifier.parse("#a", builtin)).isInstanceOf(Specifier.Import.class);
        assertThat(Specifier.parse("@s/p/x/y", builtin)).isEqualTo(new Specifier.Bare("@s/p/x/y", "@s/p", "./x/y"));
        assertThat(Specifier.parse("p", builtin)).isEqualTo(new Specifier.Bare("p", "p", "."));
        assertThat(Specifier.parse(".hidden", builtin)).isEqualTo(new Specifier.Bare(".hidden", null, "."));
    }
    @Test
    void bareIdsMayNotClimbOutOfThePackageTheyName() throws IOException {
        file("hype_modules/plain/index.lua");
        file("hype_modules/good/hype.json", "{'name': 'good', 'exports': {'.': './index.lua'}}");
        file("hype_modules/good/index.lua");
        file("hype_modules/good/internal.lua");
        for (String id : List.of("plain/../good/internal", "good/../good/internal", "plain/%2e%2e/good/internal",
                "plain/.%2E/good/internal", "plain%2f..%2fgood/internal", "plain%5cinternal", "plain\\..\\good",
                ".hidden/../good/internal", "Plain/../good/internal", "plain/./index")) {
            assertThatThrownBy(() -> resolve(id)).as(id).isInstanceOf(PackageResolutionException.class)
                    .extracting(e -> ((PackageResolutionException) e).code()).isEqualTo("ERR_INVALID_MODULE_SPECIFIER");
        }
        // Dots inside a name are no dot segments: such an id is searched for, and not found.
        assertThatThrownBy(() -> resolve("plain.x/y..z")).isInstanceOf(ModuleNotFoundException.class);
    }

    @Test
    void mainMayNotLeaveThePackage() throws IOException {
        file("hype_modules/good/internal.lua");
        file("hype_modules/plain/hype.json", "{'name': 'plain', 'main': '../good/internal.lua'}");
        file("hype_modules/abs/hype.json", "{'name': 'abs', 'main': '" + root.resolve("hype_modules/good/internal.lua")
                + "'}");
        file("hype_modules/inside/hype.json", "{'name': 'inside', 'main': './lib/../main.lua'}");
        file("hype_modules/inside/main.lua");
        assertThatThrownBy(() -> resolve("plain")).isInstanceOf(PackageConfigException.class)
                .hasMessageContaining("\"main\"").hasMessageContaining("leaves the package's directory");
        assertThatThrownBy(() -> resolve("abs")).isInstanceOf(PackageConfigException.class);
        assertThat(resolve("inside")).isEqualTo("hype_modules/inside/main.lua");
    }

    @Test
    void resolutionNamesThePackageItFoundByName() throws IOException {
        file("hype_modules/dep/index.lua");
        file("hype_modules/@s/lib/index.lua");
        file("own/hype.json", "{'name': 'own', 'imports': {'#dep': 'dep', '#local': './x.lua'}}");
        file("own/x.lua");
        ModuleResolver resolver = resolver();
        assertThat(resolver.resolve("dep", root, null, false).packageName()).isEqualTo("dep");
        assertThat(resolver.resolve("@s/lib", root, null, false).packageName()).isEqualTo("@s/lib");
        assertThat(resolver.resolve("#dep", root.resolve("own"), null, false).packageName()).isEqualTo("dep");
        assertThat(resolver.resolve("#local", root.resolve("own"), null, false).packageName()).isNull();
        assertThat(resolver.resolve("./own/x", root, null, false).packageName()).isNull();
    }
}
