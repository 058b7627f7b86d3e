package dev.hype.pm.store;

/**
 * Describe one file of a store entry as it was unpacked: what its bytes must hash to, and the stamp that lets a
 * later check skip the hashing while the file is untouched.
 *
 * @param integrity the file's sha512 SRI
 * @param size its length in bytes
 * @param modified its modification time, in nanoseconds since the epoch
 * @param key its file key (device and inode on POSIX systems), or {@code null} where the filesystem has none
 * @param executable whether it is executable
 */
public record FileRecord(String integrity, long size, long modified, String key, boolean executable) {
}
