/**
 * Read, validate and edit the {@code hype.json} manifest.
 *
 * <p>{@link dev.hype.pm.manifest.Manifest#parse(String, String)} returns a record or throws a
 * {@link dev.hype.pm.manifest.ManifestException} listing every problem with its line, column and field
 * path. {@link dev.hype.pm.manifest.ManifestEditor} changes dependencies in the text while keeping its
 * formatting, and writes atomically.
 */
package dev.hype.pm.manifest;
