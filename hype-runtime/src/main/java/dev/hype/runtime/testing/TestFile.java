package dev.hype.runtime.testing;

import java.nio.file.Path;

/**
 * One discovered test file.
 *
 * @param path        the absolute, normalised path
 * @param displayName the path reports show: relative to the working directory when inside it
 */
public record TestFile(Path path, String displayName) {
}
