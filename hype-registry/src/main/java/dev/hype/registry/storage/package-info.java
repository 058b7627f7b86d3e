/**
 * Keep a registry's packages on disk in a Verdaccio-like layout.
 *
 * <p>{@code <storage>/<name>/package.json} holds a package's packument and
 * {@code <storage>/<name>/<name>-<version>.tgz} its tarballs; a scoped {@code @scope/name} lives in
 * {@code <storage>/@scope/name/}. Every write goes to a temporary file that is renamed into place.
 */
package dev.hype.registry.storage;
