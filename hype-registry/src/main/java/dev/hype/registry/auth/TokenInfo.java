package dev.hype.registry.auth;

import java.time.Instant;

/**
 * Describe one stored token without revealing it.
 *
 * @param id the first 12 hex digits of the token's sha256 hash, enough to tell tokens apart
 * @param user the user the token authenticates
 * @param created when the token was created
 */
public record TokenInfo(String id, String user, Instant created) {
}
