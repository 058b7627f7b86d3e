/**
 * Make and open package tarballs: npm-style gzip'd tar files whose entries live under
 * {@code package/} and hold a {@code hype.json}.
 *
 * <p>{@link dev.hype.pm.pack.Packer} turns a project directory into byte-identical tarballs for
 * identical sources; {@link dev.hype.pm.pack.Unpacker} checks and extracts tarballs without
 * letting any entry escape its target; {@link dev.hype.pm.pack.Integrity} computes and verifies
 * the {@code sha512-...} subresource-integrity strings and sha1 shasums registries publish.
 */
package dev.hype.pm.pack;
