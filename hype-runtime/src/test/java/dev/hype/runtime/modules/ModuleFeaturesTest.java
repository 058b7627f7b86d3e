package dev.hype.runtime.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.engine.EvalResult;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Let code see its own features through {@code module.features}, as hype-lock.json records them. */
class ModuleFeaturesTest {
    private static final String LOCK = """
            {"lockfileVersion": 1,
             "root": {"dependencies": {"log": "^1.0.0"}, "features": ["default", "fast"]},
             "packages": {
               "log": {"version": "1.0.0", "resolved": "r", "integrity": "i", "dependencies": {},
                       "features": {"json": ["app"], "default": ["app"]}},
               "plain": {"version": "1.0.0", "resolved": "r", "integrity": "i", "dependencies": {}}
             }}
            """;

    @TempDir
    Path temp;
    Path root;
    LuaRuntime runtime;

    @BeforeEach
    void start() throws IOException {
        root = temp.toRealPath();
        runtime = LuaRuntime.create(RuntimeOptions.defaults());
        ModuleSystem.install(runtime, ModuleOptions.defaults().withWorkingDirectory(root)
                .withHypeHome(root.resolve(".home")).withWarnings(w -> { }));
        file("hype.json", "{\"name\": \"app\"}");
        file("hype_modules/log/index.lua", """
                local names = {}
                for name in pairs(module.features) do names[#names + 1] = name end
                table.sort(names)
                local log = { features = table.concat(names, ","), same = module.features == module.features }
                if module.features.json then log.json = require('./json') end
                if module.features.xml then log.xml = require('./xml') end
                return log
                """);
        file("hype_modules/log/json.lua", "return 'json on'");
        file("hype_modules/log/xml.lua", "error('xml must not load')");
        file("hype_modules/plain/init.lua", "return next(module.features) == nil");
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void file(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String eval(String code) {
        EvalResult result = runtime.evaluate(code);
        assertThat(result).isInstanceOf(EvalResult.Values.class);
        return ((EvalResult.Values) result).display();
    }

    @Test
    void aPackageLoadsOptionalCodeOnlyWhenItsFeatureIsOn() throws IOException {
        file("hype-lock.json", LOCK);
        assertThat(eval("local log = require('log') return log.features, log.json, log.xml, log.same"))
                .isEqualTo("default,json\tjson on\tnil\ttrue");
    }

    @Test
    void aPackageWithoutRecordedFeaturesSeesNone() throws IOException {
        file("hype-lock.json", LOCK);
        assertThat(eval("return (require('plain'))")).isEqualTo("true");
    }

    @Test
    void theProjectSeesItsOwnFeatures() throws IOException {
        file("hype-lock.json", LOCK);
        file("main.lua", "local f = module.features return tostring(f.fast) .. tostring(f.default) .. tostring(f.slow)");
        assertThat(eval("return (require('./main'))")).isEqualTo("truetruenil");
    }

    @Test
    void noLockfileEnablesNothing() {
        assertThat(eval("return require('log').features, require('log').json")).isEqualTo("\tnil");
    }
}
