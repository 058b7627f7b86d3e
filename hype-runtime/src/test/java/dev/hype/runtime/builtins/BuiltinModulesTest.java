package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinModulesTest {

    @Test
    void standardSetHoldsTheNineModulesAndTheTestApi() {
        BuiltinModules modules = BuiltinModules.standard();
        assertThat(modules.names())
                .containsExactly("events", "fs", "http", "java", "json", "path", "process", "table", "test", "util");
    }

    @Test
    void findsModulesWithAndWithoutThePrefix() {
        BuiltinModules modules = BuiltinModules.standard();
        assertThat(modules.find("fs")).isPresent();
        assertThat(modules.find("hype:fs").orElseThrow()).isSameAs(modules.find("fs").orElseThrow());
        assertThat(modules.isBuiltin("hype:json")).isTrue();
        assertThat(modules.find("hype:http").orElseThrow()).isSameAs(modules.find("http").orElseThrow());
        assertThat(modules.isBuiltin("socket")).isFalse();
        assertThat(modules.find("hype:nope")).isEmpty();
    }

    @Test
    void everyModuleBuildsATableOfExportsWhenRunWithItsNatives() {
        BuiltinModules modules = BuiltinModules.standard();
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            for (String name : modules.names()) {
                BuiltinModule module = modules.find(name).orElseThrow();
                assertThat(module.name()).isEqualTo(name);
                // The test API names its chunk [hype:test] so failure tracebacks can leave its frames out.
                assertThat(module.source().chunkName()).isIn("=hype:" + name, "=[hype:" + name + "]");
                runtime.install("mod_" + name, module.source(), module.natives());
            }
            int status = runtime.run(Chunk.ofText("""
                    for _, name in ipairs({ "events", "fs", "http", "java", "json", "path", "process", "table", "test", "util" }) do
                      assert(type(_G["mod_" .. name]) == "table", name)
                    end
                    assert(mod_table.map and table.map == nil)
                    """, "test"), "test.lua", List.of());
            assertThat(status).isZero();
        }
    }

    @Test
    void modulesOfOneSetShareTheirWorkingDirectory() {
        WorkingDirectory cwd = new WorkingDirectory(Path.of("/"));
        try (ModuleTester t = new ModuleTester(cwd)) {
            t.run("""
                    process.chdir("tmp")
                    assert(process.cwd() == "/tmp" and path.resolve("x") == "/tmp/x")
                    """);
        }
        assertThat(cwd.current()).isEqualTo(Path.of("/tmp"));
        try (ModuleTester other = new ModuleTester(Path.of("/"))) {
            other.run("assert(process.cwd() == '/')");
        }
    }
}
