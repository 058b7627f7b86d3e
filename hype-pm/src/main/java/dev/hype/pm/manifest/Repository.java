package dev.hype.pm.manifest;

/**
 * Say where a package's source lives.
 *
 * @param type the version control system, such as {@code git}; may be empty
 * @param url where to find it
 * @param directory the package's directory inside a monorepo; may be empty
 */
public record Repository(String type, String url, String directory) {
}
