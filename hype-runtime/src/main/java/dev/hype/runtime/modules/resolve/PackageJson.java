package dev.hype.runtime.modules.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Hold the fields of one {@code hype.json} that resolution reads.
 *
 * @param file    the manifest's path
 * @param name    the {@code name} field, or null
 * @param main    the {@code main} field, or null
 * @param exports the {@code exports} field, or null when absent or JSON null
 * @param imports the {@code imports} object, or null
 */
record PackageJson(Path file, String name, String main, JsonNode exports, JsonNode imports) {

    /** Return the package's directory. */
    Path directory() {
        return file.getParent();
    }
}
