package dev.hype.runtime.testing;

import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.nio.file.Path;

/**
 * Create the runtime a test file runs in: the one place that decides how test files resolve
 * {@code require}.
 *
 * <p>The runner calls {@link #open} on a worker thread and uses and closes the result on that same
 * thread: it installs the test API into {@link TestFileRuntime#runtime()}, then calls
 * {@link TestFileRuntime#runFile}, then runs the registered tests. Implementations must be safe to
 * call from several threads at once; each call returns an independent runtime.
 *
 * <p>With the module system, an implementation installs it and runs the file as the main module:
 * <pre>{@code
 * TestFileHost modules = (root, options) -> {
 *     LuaRuntime runtime = LuaRuntime.create(options);
 *     TestFileHost.addPackageLayouts(runtime, root); // busted-style require("mylib") from src/, lua/, ...
 *     ModuleSystem system = ModuleSystem.install(runtime, ModuleOptions.defaults());
 *     return TestFileRuntime.of(runtime, file -> system.runMain(file.path(), List.of()));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface TestFileHost {

    /** Create a fresh runtime for a test file of the package at {@code packageRoot}. */
    TestFileRuntime open(Path packageRoot, RuntimeOptions options);

    /**
     * Return the host that uses a plain runtime whose {@code package.path} starts with the package's
     * own layouts: {@code ?.lua}, {@code ?/init.lua}, {@code src/?.lua}, {@code lua/?.lua}, ...
     */
    static TestFileHost packagePath() {
        return new PackagePathHost();
    }

    /**
     * Return the host that installs the module system in each runtime and runs the test file as its
     * main module, with the package's layouts on {@code package.path} as well.
     */
    static TestFileHost moduleSystem() {
        return new ModuleSystemHost();
    }

    /**
     * Put the package's own layouts ({@code ?.lua}, {@code ?/init.lua}, {@code src/?.lua},
     * {@code lua/?.lua}, {@code lib/?.lua}, ...) first on the runtime's {@code package.path}, as
     * absolute paths, so busted-style suites find the package's modules by name.
     */
    static void addPackageLayouts(LuaRuntime runtime, Path packageRoot) {
        PackagePathHost.addLayouts(runtime, packageRoot);
    }
}
