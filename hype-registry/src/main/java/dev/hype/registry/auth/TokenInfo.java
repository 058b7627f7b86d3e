package dev.hype.registry.auth;

import java.time.Instant;

/**
 * Describe one stored token without revealing it.
 *
 * @param id the first 12 hex digits of the token's sha256 hash, enough to tell tokens apart
 * @param user the user the token authenticates
 * @param created when the token was created
 * @param limits whether it is read-only and where it may be used from
 */
public record TokenInfo(String id, String user, Instant created, TokenLimits limits) {
    /** Describe a token without limits. */
    public TokenInfo(String id, String user, Instant created) {
        this(id, user, created, TokenLimits.NONE);
    }
}
