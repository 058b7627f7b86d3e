/**
 * Authenticate registry users: bearer tokens kept as sha256 hashes in
 * {@code <storage>/.hype/tokens.json}, and optional npm-style accounts (for {@code npm login})
 * kept as PBKDF2 hashes in {@code <storage>/.hype/users.json}.
 */
package dev.hype.registry.auth;
