package dev.hype.pm.ops;

import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.manifest.ManifestEditor;
import dev.hype.pm.manifest.PackageName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Create a new package: {@code hype.json}, {@code index.lua}, a busted-style spec under {@code test/}, and a
 * {@code .gitignore} naming {@code hype_modules/}. Existing files other than {@code hype.json} are kept; an existing
 * {@code hype.json} stops the operation before anything is written.
 */
public final class InitOperation {
    /** Code of a directory that already holds a {@code hype.json}. */
    public static final String PROJECT_EXISTS = "E_PROJECT_EXISTS";
    /** Code of a package directory that cannot be written. */
    public static final String INIT_FAILED = "E_INIT";
    /** Code of a name that is not a valid package name. */
    public static final String INVALID_NAME = "E_INVALID_NAME";

    /** The {@code .gitignore} lines: the install tree, and its lock, staging and old trees. */
    private static final List<String> IGNORED = List.of("hype_modules/", "hype_modules.*");

    private InitOperation() {
    }

    /** Create the package. */
    public static InitResult run(InitOptions options) {
        Path dir = options.directory().toAbsolutePath().normalize();
        Path manifestFile = dir.resolve(Manifest.FILE_NAME);
        if (Files.exists(manifestFile)) {
            throw new OperationException(PROJECT_EXISTS, manifestFile + " already exists; not overwriting it",
                    List.of("edit it, or run 'hype pkg init' in an empty directory"));
        }
        String name = options.name() != null ? options.name() : nameFrom(dir);
        PackageName.problem(name).ifPresent(p -> {
            throw new OperationException(INVALID_NAME, "cannot use \"" + name + "\" as a package name: " + p,
                    List.of("pass a name: hype pkg init my-package"));
        });
        String shortName = name.substring(name.indexOf('/') + 1);
        String module = shortName.replaceAll("[^A-Za-z0-9_]", "_");
        List<String> created = new ArrayList<>();
        try {
            Files.createDirectories(dir.resolve("test"));
            String testFile = "test/" + module + "_test.lua";
            writeNew(dir, "index.lua", index(), created);
            writeNew(dir, testFile, spec(name), created);
            gitignore(dir, created);
            String manifest = manifest(name);
            Manifest.parse(manifest, Manifest.FILE_NAME);
            ManifestEditor.writeAtomically(manifestFile, manifest);
            created.addFirst(Manifest.FILE_NAME);
        } catch (IOException e) {
            throw new OperationException(INIT_FAILED, "cannot create the package in " + dir + ": " + dev.hype.runtime.ErrorText.of(e),
                    List.of(), e);
        }
        return new InitResult(name, dir, created);
    }

    /** Derive a package name from a directory name: lower case, other characters as {@code -}. */
    static String nameFrom(Path dir) {
        Path last = dir.getFileName();
        String raw = last == null ? "package" : last.toString().toLowerCase(Locale.ROOT);
        String cleaned = raw.replaceAll("[^a-z0-9._~-]+", "-").replaceAll("^[._-]+", "");
        return cleaned.isEmpty() ? "package" : cleaned;
    }

    private static void writeNew(Path dir, String path, String content, List<String> created) throws IOException {
        Path file = dir.resolve(path);
        if (!Files.exists(file)) {
            ManifestEditor.writeAtomically(file, content);
            created.add(path);
        }
    }

    private static void gitignore(Path dir, List<String> created) throws IOException {
        Path file = dir.resolve(".gitignore");
        String text = Files.exists(file) ? Files.readString(file) : "";
        StringBuilder missing = new StringBuilder();
        for (String line : IGNORED) {
            if (text.lines().noneMatch(l -> l.strip().equals(line))) {
                missing.append(line).append('\n');
            }
        }
        if (!missing.isEmpty()) {
            String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            ManifestEditor.writeAtomically(file, text + separator + missing);
            created.add(".gitignore");
        }
    }

    private static String manifest(String name) {
        return """
                {
                  "name": "%s",
                  "version": "0.1.0",
                  "main": "index.lua",
                  "license": "MIT",
                  "test": ["test/**/*_test.lua"],
                  "dependencies": {},
                  "devDependencies": {}
                }
                """.formatted(name);
    }

    private static String index() {
        return """
                local M = {}

                --- Return a greeting for `name`.
                function M.greet(name)
                  return "Hello, " .. name .. "!"
                end

                return M
                """;
    }

    private static String spec(String name) {
        return """
                local lib = require("../index")

                describe("%s", function()
                  it("greets by name", function()
                    assert.are.equal("Hello, Lua!", lib.greet("Lua"))
                  end)
                end)
                """.formatted(name);
    }
}
