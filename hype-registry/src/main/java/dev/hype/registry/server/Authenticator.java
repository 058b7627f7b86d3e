package dev.hype.registry.server;

import dev.hype.registry.auth.TokenStore;
import java.util.Optional;

/** Find who sent a request from its bearer token, and insist on it where the endpoint needs it. */
final class Authenticator {

    static final String TOKEN_HINT = "create a token on the registry host with 'hype registry token create <user>', then "
        + "give it to hype with HYPE_TOKEN=<token>, --token <token>, or \"tokens\": {\"<host>:<port>\": \"<token>\"} "
        + "in ~/.hype/config.json, or save it with 'hype pkg login --token' (npm: '//<host>:<port>/:_authToken=<token>' "
        + "in .npmrc)";

    private final TokenStore tokens;
    private final boolean privateMode;

    Authenticator(TokenStore tokens, boolean privateMode) {
        this.tokens = tokens;
        this.privateMode = privateMode;
    }

    /** Record the request's user, if its {@code Authorization: Bearer} token is valid. */
    Optional<String> identify(Request request) {
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Optional<String> user = tokens.authenticate(header.substring(7).trim());
        user.ifPresent(request::user);
        return user;
    }

    /** Return the request's user, or answer 401 when there is no valid token. */
    String requireUser(Request request) {
        if (request.user() != null) {
            return request.user();
        }
        String header = request.header("Authorization");
        if (header == null) {
            throw new HttpError(401, "authentication required: send 'Authorization: Bearer <token>'", TOKEN_HINT);
        }
        throw new HttpError(401, "invalid or revoked token", TOKEN_HINT);
    }

    /** Answer 401 for a read without a valid token when the registry is private. */
    void checkRead(Request request) {
        if (privateMode) {
            requireUser(request);
        }
    }

    /** Return the cache policy for reads: shared caches may keep public answers only. */
    String cacheControl(boolean immutable) {
        String scope = privateMode ? "private" : "public";
        return immutable ? scope + ", max-age=31536000, immutable" : scope + ", max-age=0, must-revalidate";
    }
}
