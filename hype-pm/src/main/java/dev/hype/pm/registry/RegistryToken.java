package dev.hype.pm.registry;

/**
 * Describe one token of a registry account, as {@code GET /-/npm/v1/tokens} lists it and
 * {@code POST /-/npm/v1/tokens} creates it.
 *
 * @param key the token's key, which revoking it takes
 * @param token the token itself when just created, else the registry's masked form of it
 * @param created when it was created, as the registry wrote it
 * @param readonly whether it may only read
 * @param cidrs the address ranges it may be used from; empty for anywhere
 */
public record RegistryToken(String key, String token, String created, boolean readonly, java.util.List<String> cidrs) {
    /** Keep an unmodifiable copy of the ranges. */
    public RegistryToken {
        cidrs = java.util.List.copyOf(cidrs);
    }
}
