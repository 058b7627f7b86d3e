package dev.hype.pm.pack;

/**
 * Describe one file in a tarball.
 *
 * @param path the path below the tarball's top folder, {@code /}-separated (e.g. {@code lib/a.lua})
 * @param size the size in bytes
 * @param executable whether the file carries execute permission (mode 0755 rather than 0644)
 */
public record PackedFile(String path, long size, boolean executable) {
}
