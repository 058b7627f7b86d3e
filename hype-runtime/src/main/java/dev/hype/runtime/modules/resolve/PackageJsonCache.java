package dev.hype.runtime.modules.resolve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.JsonTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Read {@code hype.json} manifests once per directory, remembering absent ones too, and validate
 * the fields resolution uses.
 */
final class PackageJsonCache {
    /** The manifest's file name. */
    static final String MANIFEST = "hype.json";

    private final Map<Path, Optional<PackageJson>> byDirectory = new HashMap<>();
    private final Map<Path, Optional<PackageJson>> scopes = new HashMap<>();

    /** Return the manifest in {@code directory}, or empty when it has none. */
    Optional<PackageJson> read(Path directory) {
        Optional<PackageJson> cached = byDirectory.get(directory);
        if (cached == null) {
            cached = load(directory.resolve(MANIFEST));
            byDirectory.put(directory, cached);
        }
        return cached;
    }

    /**
     * Return the nearest manifest at or above {@code directory}: the package scope. The search
     * stops below a {@code node_modules} or {@code hype_modules} directory, as Node's does.
     */
    Optional<PackageJson> scope(Path directory) {
        Optional<PackageJson> cached = scopes.get(directory);
        if (cached != null) {
            return cached;
        }
        Optional<PackageJson> found = read(directory);
        if (found.isEmpty()) {
            Path parent = directory.getParent();
            Path name = directory.getFileName();
            boolean boundary = name != null && isModulesDirectory(name.toString());
            found = parent == null || boundary ? Optional.empty() : scope(parent);
        }
        scopes.put(directory, found);
        return found;
    }

    /** Return whether a directory name is one packages are installed into. */
    static boolean isModulesDirectory(String name) {
        return name.equals("hype_modules") || name.equals("node_modules");
    }

    private static Optional<PackageJson> load(Path file) {
        if (!file.toFile().isFile()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                return Optional.empty();
            }
            throw new PackageConfigException("cannot read " + file + ": " + e.getMessage());
        }
        return Optional.of(parse(file, bytes));
    }

    /** Parse and validate manifest bytes read from {@code file}. */
    static PackageJson parse(Path file, byte[] bytes) {
        JsonNode root;
        try {
            root = JsonTreeReader.read(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw PackageConfigException.invalidJson(file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new PackageConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw PackageConfigException.invalidJson(file, 1, 1, "the file is empty");
        }
        if (!root.isObject()) {
            throw new PackageConfigException(file + " must hold a JSON object, found " + kind(root));
        }
        String name = optionalString(file, root, "name");
        String main = optionalString(file, root, "main");
        JsonNode exports = root.get("exports");
        if (exports != null && exports.isNull()) {
            exports = null;
        }
        if (exports != null) {
            checkExports(file, exports);
        }
        JsonNode imports = root.get("imports");
        if (imports != null && imports.isNull()) {
            imports = null;
        }
        if (imports != null) {
            if (!imports.isObject()) {
                throw PackageConfigException.invalidField(file, "imports", "expected an object, found " + kind(imports));
            }
            for (Iterator<String> keys = imports.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!key.startsWith("#")) {
                    throw PackageConfigException.invalidField(file, "imports",
                            "key \"" + key + "\" must start with \"#\"");
                }
            }
        }
        return new PackageJson(file, name, main, exports, imports);
    }

    private static void checkExports(Path file, JsonNode exports) {
        if (exports.isObject()) {
            boolean dotted = false;
            boolean plain = false;
            for (Iterator<String> keys = exports.fieldNames(); keys.hasNext(); ) {
                if (keys.next().startsWith(".")) {
                    dotted = true;
                } else {
                    plain = true;
                }
            }
            if (dotted && plain) {
                throw PackageConfigException.invalidField(file, "exports",
                        "an object cannot mix subpath keys (starting with \".\") and condition keys");
            }
        } else if (!exports.isTextual() && !exports.isArray()) {
            throw PackageConfigException.invalidField(file, "exports",
                    "expected a string, an array or an object, found " + kind(exports));
        }
    }

    private static String optionalString(Path file, JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw PackageConfigException.invalidField(file, field, "expected a string, found " + kind(value));
        }
        return value.asText();
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
