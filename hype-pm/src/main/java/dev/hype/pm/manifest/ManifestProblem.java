package dev.hype.pm.manifest;

/**
 * Describe one thing wrong with a manifest and where it is.
 *
 * @param file the file name as shown to the user, such as {@code hype.json}
 * @param line the 1-based line of the offending value
 * @param column the 1-based column of the offending value
 * @param path the field path, such as {@code dependencies.lpeg} or {@code files[2]}; empty for the document
 * @param message what was expected
 */
public record ManifestProblem(String file, int line, int column, String path, String message) {
    /** Render as {@code hype.json:7:18: dependencies.lpeg: "^1.x.y" is not a valid version range}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
