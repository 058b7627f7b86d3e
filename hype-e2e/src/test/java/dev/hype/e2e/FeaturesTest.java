package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features through the launcher: packages with features published to {@code hype registry serve}, installed with
 * and without {@code --features}, and code that loads an optional module only when its feature is on.
 *
 * <p>{@code log} offers {@code json} (its own {@code json.lua}) and {@code pretty} (the optional dependency
 * {@code fmt}); {@code web} asks for {@code log} with {@code json}; the project asks for {@code log} without the
 * default features, and its feature {@code fancy} enables {@code log/pretty}.
 */
class FeaturesTest {
    @TempDir
    Path temp;

    @Test
    void optionalCodeLoadsOnlyWhenItsFeatureIsOn() {
        Hype hype = Hype.in(temp);
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            String token = registry.token("alice");
            hype.cd("fmt");
            hype.write("hype.json", "{\"name\": \"fmt\", \"version\": \"1.0.0\", \"main\": \"init.lua\"}\n");
            hype.write("init.lua", "return { wrap = function(s) return '*' .. s .. '*' end }\n");
            hype.run("pkg", "publish", "--registry", registry.url(), "--token", token).assertSuccess();
            hype.cd("../log");
            hype.write("hype.json", """
                    {"name": "log", "version": "1.0.0", "main": "init.lua",
                     "optionalDependencies": {"fmt": "^1.0.0"},
                     "features": {"default": [], "json": [], "pretty": ["fmt"]}}
                    """);
            hype.write("init.lua", """
                    local log = {}
                    if module.features.json then log.json = require('./json') end
                    if module.features.pretty then log.fmt = require('fmt') end
                    function log.show(text)
                      return (log.fmt and log.fmt.wrap(text) or text) .. (log.json and ' ' .. log.json or '')
                    end
                    return log
                    """);
            hype.write("json.lua", "return '(json)'\n");
            hype.run("pkg", "publish", "--registry", registry.url(), "--token", token).assertSuccess();
            hype.cd("../web");
            hype.write("hype.json", """
                    {"name": "web", "version": "1.0.0", "main": "init.lua",
                     "dependencies": {"log": {"version": "^1.0.0", "features": ["json"]}}}
                    """);
            hype.write("init.lua", "return require('log')\n");
            hype.run("pkg", "publish", "--registry", registry.url(), "--token", token).assertSuccess();

            hype.cd("../app");
            hype.write("hype.json", """
                    {"name": "app", "version": "0.1.0",
                     "dependencies": {"web": "^1.0.0", "log": {"version": "^1.0.0", "default-features": false}},
                     "features": {"fancy": ["log/pretty"]}}
                    """);
            hype.write("app.lua", "print(require('web').show('hi'), module.features.fancy)\n");

            hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
            assertThat(hype.directory().resolve("hype_modules/fmt")).doesNotExist();
            assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("hi (json)\tnil\n");

            hype.run("pkg", "install", "--registry", registry.url(), "--features", "fancy").assertSuccess();
            assertThat(hype.directory().resolve("hype_modules/fmt/init.lua")).exists();
            assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("*hi* (json)\ttrue\n");
            assertThat(hype.read("hype-lock.json")).contains("\"pretty\": [\n          \"app\"\n        ]");

            assertThat(hype.run("pkg", "tree", "-e", "features").assertSuccess().stdout()).isEqualTo("""
                    app@0.1.0 [fancy]
                    ├── log@1.0.0 [default (web), fmt (log/pretty), json (web), pretty (app)]
                    │   └── fmt@1.0.0
                    └── web@1.0.0
                        └── log@1.0.0 [default (web), fmt (log/pretty), json (web), pretty (app)] (deduped)
                    """);
            assertThat(hype.run("pkg", "info", "log", "--registry", registry.url()).assertSuccess().stdout())
                    .contains("\nfeatures:\n  default = []\n  fmt (optional dependency)\n  json = []\n  pretty = fmt\n");

            Result unknown = hype.run("pkg", "install", "--registry", registry.url(), "--features", "turbo")
                    .assertExit(1);
            assertThat(unknown.stderr()).contains("unknown feature \"turbo\" for app");

            hype.run("pkg", "install", "--registry", registry.url(), "--no-default-features").assertSuccess();
            assertThat(hype.directory().resolve("hype_modules/fmt")).doesNotExist();
            assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("hi (json)\tnil\n");
        }
    }
}
