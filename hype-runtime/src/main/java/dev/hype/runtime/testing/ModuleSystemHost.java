package dev.hype.runtime.testing;

import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.builtins.WorkingDirectory;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.modules.ModuleOptions;
import dev.hype.runtime.modules.ModuleSystem;
import java.nio.file.Path;
import java.util.List;

/**
 * Run each test file as the main module of a fresh runtime with the module system installed, so
 * tests {@code require} exactly as the package's own code does (relative files, {@code
 * hype_modules}, self-reference, {@code imports}), plus the busted-style layouts on
 * {@code package.path}.
 */
final class ModuleSystemHost implements TestFileHost {
    @Override
    public TestFileRuntime open(Path packageRoot, RuntimeOptions options) {
        LuaRuntime runtime = LuaRuntime.create(options);
        try {
            TestFileHost.addPackageLayouts(runtime, packageRoot);
            Path cwd = Path.of("").toAbsolutePath();
            ModuleSystem modules = ModuleSystem.install(runtime, ModuleOptions.defaults()
                    .withWorkingDirectory(cwd)
                    .withBuiltins(BuiltinModules.standard(new WorkingDirectory(cwd))));
            return TestFileRuntime.of(runtime, file -> modules.runMain(file.path(), List.of()));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }
}
