package dev.hype.runtime.testing;

import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.builtins.WorkingDirectory;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.modules.ModuleOptions;
import dev.hype.runtime.modules.ModuleSystem;
import java.nio.file.Path;

/**
 * Give each test file a fresh runtime with the module system installed, resolving from the
 * package root: {@code require} finds the package's {@code hype_modules}, its self-reference and
 * {@code imports}, and the built-ins, as the package's own code does, with the busted-style
 * layouts ({@code src/?.lua}, ...) on {@code package.path} as the fallback. The test file itself
 * runs as a plain chunk in the shared globals, as busted runs specs, so {@code insulate} and
 * {@code expose} see the globals a spec sets; its {@code require} resolves relative ids from the test
 * file's own directory, as a module's does.
 */
final class ModuleSystemHost implements TestFileHost {
    @Override
    public TestFileRuntime open(Path packageRoot, RuntimeOptions options) {
        LuaRuntime runtime = LuaRuntime.create(options);
        try {
            TestFileHost.addPackageLayouts(runtime, packageRoot);
            Path root = packageRoot.toAbsolutePath().normalize();
            ModuleSystem system = ModuleSystem.install(runtime, ModuleOptions.defaults()
                    .withWorkingDirectory(root)
                    .withBuiltins(BuiltinModules.standard(new WorkingDirectory(Path.of("").toAbsolutePath()))));
            TestFileRuntime plain = TestFileRuntime.plain(runtime);
            return TestFileRuntime.of(runtime, file -> {
                system.requireFrom(file.path(), file.displayName());
                return plain.runFile(file);
            });
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }
}
