package dev.hype.registry.server;

import dev.hype.registry.auth.TokenInfo;
import dev.hype.registry.auth.TokenLimits;
import dev.hype.registry.auth.TokenStore;
import java.util.Optional;

/** Find who sent a request from its bearer token, and insist on it where the endpoint needs it. */
final class Authenticator {
    /** Seconds a client may reuse a packument or version document before revalidating it. */
    static final int DOCUMENT_MAX_AGE = 300;


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

    /**
     * Record the request's user, if its {@code Authorization: Bearer} token is valid and may be used from the
     * request's address; record whether the token is read-only.
     */
    Optional<String> identify(Request request) {
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Optional<TokenInfo> token = tokens.identify(header.substring(7).trim());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        TokenLimits limits = token.get().limits();
        if (!limits.allows(request.remoteAddress())) {
            request.tokenRefusal("this token may be used only from " + String.join(", ", limits.cidrs()) + ", not from "
                + request.remoteAddress().getHostAddress());
            return Optional.empty();
        }
        request.user(token.get().user());
        request.readOnlyToken(limits.readOnly());
        return Optional.of(token.get().user());
    }

    /**
     * Return the request's user, or answer 401 when there is no valid token, and 403 when the token may not be used
     * from here, or is read-only and the request changes something.
     */
    String requireUser(Request request) {
        String user = requireUserEvenReadOnly(request);
        if (request.readOnlyToken() && !request.isRead()) {
            throw new HttpError(403, "this token is read-only: it cannot " + request.method() + " " + request.rawPath(),
                "publish and change packages with a token created without --read-only");
        }
        return user;
    }

    /** Return the request's user, whatever the token's read-only flag ({@code npm logout} revokes its own token). */
    String requireUserEvenReadOnly(Request request) {
        if (request.user() != null) {
            return request.user();
        }
        if (request.tokenRefusal() != null) {
            throw new HttpError(403, request.tokenRefusal(), "use the token from an address its CIDR ranges allow, or "
                + "create one without --cidr");
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

    /**
     * Return the cache policy for reads: shared caches may keep public answers only. A tarball never changes; a
     * packument or version document may be reused for {@link #DOCUMENT_MAX_AGE} seconds, then revalidated, as
     * registry.npmjs.org has clients do ({@code max-age=300}): a client that publishes forgets its own copy.
     */
    String cacheControl(boolean immutable) {
        String scope = privateMode ? "private" : "public";
        return immutable ? scope + ", max-age=31536000, immutable"
            : scope + ", max-age=" + DOCUMENT_MAX_AGE + ", must-revalidate";
    }
}
