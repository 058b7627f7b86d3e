package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.cli.GoldenTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publish packages with features to the real registry, install them with and without feature flags, and run code
 * that loads optional modules only when their features are on.
 *
 * <p>{@code log} has an optional dependency {@code fmt} behind its feature {@code pretty}, and a feature
 * {@code json} that loads its own {@code json.lua}; {@code web} asks for {@code log} with {@code json}; the project
 * depends on both, on {@code log} without the default features, and its feature {@code fancy} asks for
 * {@code log/pretty}.
 */
class FeaturesFromRegistryTest {
    private static final String LOG_INIT = """
            local log = { modes = {} }
            for name in pairs(module.features) do log.modes[#log.modes + 1] = name end
            table.sort(log.modes)
            if module.features.json then log.json = require('./json') end
            if module.features.pretty then log.fmt = require('fmt') end
            function log.show(text)
              return (log.fmt and log.fmt.wrap(text) or text) .. (log.json and ' ' .. log.json or '')
            end
            return log
            """;

    @TempDir
    Path temp;

    private RegistryProject project;

    @BeforeEach
    void start() throws Exception {
        project = RegistryProject.start(temp);
        project.publishPackage("""
                {"name": "fmt", "version": "1.0.0", "main": "init.lua"}
                """, Map.of("init.lua", "return { wrap = function(s) return '*' .. s .. '*' end }\n"));
        project.publishPackage("""
                {"name": "log", "version": "1.0.0", "main": "init.lua",
                 "optionalDependencies": {"fmt": "^1.0.0"},
                 "features": {"default": [], "json": [], "pretty": ["fmt"]}}
                """, Map.of("init.lua", LOG_INIT, "json.lua", "return '(json)'\n"));
        project.publishPackage("""
                {"name": "web", "version": "1.0.0", "main": "init.lua",
                 "dependencies": {"log": {"version": "^1.0.0", "features": ["json"]}}}
                """, Map.of("init.lua", "return require('log')\n"));
        Files.writeString(project.app.resolve("hype.json"), """
                {
                  "name": "app",
                  "version": "0.1.0",
                  "dependencies": {
                    "web": "^1.0.0",
                    "log": {"version": "^1.0.0", "default-features": false}
                  },
                  "features": {"fancy": ["log/pretty"]}
                }
                """);
        Files.writeString(project.app.resolve("app.lua"), """
                local log = require('web')
                print(table.concat(log.modes, ','), log.show('hi'), module.features.fancy)
                """);
    }

    @AfterEach
    void stop() {
        project.close();
    }

    private String runApp() throws Exception {
        GoldenTest.Result run = GoldenTest.runHype(project.app, List.of("app.lua"), "");
        assertThat(run.status()).as(run.stderr()).isZero();
        return run.stdout();
    }

    private void install(String... flags) {
        CliRun install = project.pkg("install", flags);
        assertThat(install.status()).as(install.err()).isZero();
    }

    @Test
    void featuresUnifyAcrossDependentsAndGateOptionalCode() throws Exception {
        install();
        assertThat(project.app.resolve("hype_modules/fmt")).doesNotExist();
        assertThat(runApp()).isEqualTo("default,json\thi (json)\tnil\n");

        install("--features", "fancy");
        assertThat(project.app.resolve("hype_modules/fmt/init.lua")).exists();
        assertThat(runApp()).isEqualTo("default,fmt,json,pretty\t*hi* (json)\ttrue\n");

        CliRun tree = project.local("tree", "-e", "features");
        assertThat(tree.status()).as(tree.err()).isZero();
        assertThat(tree.out()).isEqualTo("""
                app@0.1.0 [fancy]
                ├── log@1.0.0 [default (web), fmt (log/pretty), json (web), pretty (app)]
                │   └── fmt@1.0.0
                └── web@1.0.0
                    └── log@1.0.0 [default (web), fmt (log/pretty), json (web), pretty (app)] (deduped)
                """);

        install();
        assertThat(runApp()).as("an install without feature flags keeps the recorded ones")
                .isEqualTo("default,fmt,json,pretty\t*hi* (json)\ttrue\n");

        install("--no-default-features");
        assertThat(project.app.resolve("hype_modules/fmt")).doesNotExist();
        assertThat(runApp()).isEqualTo("default,json\thi (json)\tnil\n");

        CliRun check = CliRun.of("pkg", "check", "-C", project.app.toString(),
                "--store-dir", temp.resolve("store").toString());
        assertThat(check.status()).as(check.out() + check.err()).isZero();
    }

    @Test
    void infoListsAVersionsFeatures() {
        CliRun info = CliRun.of("pkg", "info", "log", "--registry", project.registry().url());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("""

                optional dependencies:
                  fmt: ^1.0.0

                features:
                  default = []
                  fmt (optional dependency)
                  json = []
                  pretty = fmt
                """);
        CliRun web = CliRun.of("pkg", "info", "web", "--registry", project.registry().url());
        assertThat(web.out()).contains("\ndependencies:\n  log: ^1.0.0 (features: json)\n");
    }

    @Test
    void anUnknownFeatureIsExplainedWithTheChainThatAskedForIt() throws Exception {
        project.publishPackage("""
                {"name": "xml-web", "version": "1.0.0", "dependencies": {"web": "^1.0.0",
                 "log": {"version": "^1.0.0", "features": ["xml"]}}}
                """, Map.of("index.lua", "return {}\n"));
        Files.writeString(project.app.resolve("hype.json"), """
                {"name": "app", "version": "0.1.0", "dependencies": {"xml-web": "^1.0.0"}}
                """);
        CliRun install = project.pkg("install");
        assertThat(install.status()).isEqualTo(1);
        assertThat(install.err()).contains("version solving failed")
                .contains("xml-web depends on log ^1.0.0 with feature \"xml\" but log ^1.0.0 has no such feature")
                .contains("app depends on xml-web ^1.0.0");
        assertThat(project.app.resolve("hype-lock.json")).doesNotExist();

        CliRun unknown = project.pkg("install", "--features", "turbo");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown feature \"turbo\" for app");
    }
}
