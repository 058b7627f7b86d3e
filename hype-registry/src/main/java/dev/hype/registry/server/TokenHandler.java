package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.auth.AuthException;
import dev.hype.registry.auth.LoginOutcome;
import dev.hype.registry.auth.TokenInfo;
import dev.hype.registry.auth.TokenLimits;
import dev.hype.registry.auth.TokenStore;
import dev.hype.registry.auth.UserStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Answer the token endpoints {@code npm token} calls: {@code GET /-/npm/v1/tokens} lists the caller's tokens,
 * {@code POST /-/npm/v1/tokens} creates one (confirmed by the account's password, as on npmjs.com), and
 * {@code DELETE /-/npm/v1/tokens/token/{key}} revokes one of the caller's tokens by its key.
 */
final class TokenHandler {

    private final TokenStore tokens;
    private final UserStore users;
    private final Authenticator auth;

    TokenHandler(TokenStore tokens, UserStore users, Authenticator auth) {
        this.tokens = tokens;
        this.users = users;
        this.auth = auth;
    }

    void list(Request request) throws IOException {
        String user = auth.requireUser(request);
        ObjectNode answer = Request.JSON.createObjectNode();
        ArrayNode objects = answer.putArray("objects");
        for (TokenInfo info : tokens.list()) {
            if (info.user().equals(user)) {
                objects.addObject().put("key", info.id()).put("token", info.id().substring(0, 6) + "…")
                    .put("created", info.created().toString()).put("updated", info.created().toString())
                    .put("readonly", info.limits().readOnly()).set("cidr_whitelist", cidrs(info.limits()));
            }
        }
        answer.put("total", objects.size());
        answer.putObject("urls");
        request.sendJson(200, answer);
    }

    void create(Request request) throws IOException {
        String user = auth.requireUser(request);
        JsonNode body = request.jsonBody();
        TokenLimits limits = limits(body);
        Optional<LoginOutcome> checked = users.verify(user, body.path("password").asText(""));
        if (checked.isEmpty()) {
            throw new HttpError(403, "user '" + user + "' has no password on this registry, so it cannot confirm a new "
                + "token", "create tokens on the registry's host with 'hype registry token create " + user + "'");
        }
        if (checked.get() != LoginOutcome.AUTHENTICATED) {
            throw new HttpError(401, "wrong password for user '" + user + "'", "unauthorized");
        }
        String token = tokens.issue(user, limits);
        request.sendJson(201, Request.JSON.createObjectNode().put("token", token).put("key", TokenStore.keyOf(token))
            .put("created", java.time.Instant.now().toString()).put("readonly", limits.readOnly())
            .set("cidr_whitelist", cidrs(limits)));
    }

    /** Read {@code readonly} and {@code cidr_whitelist} of npm's token body; 400 names what is wrong. */
    private static TokenLimits limits(JsonNode body) {
        JsonNode readonly = body.path("readonly");
        if (!readonly.isMissingNode() && !readonly.isNull() && !readonly.isBoolean()) {
            throw HttpError.badRequest("'readonly' must be true or false", "bad request");
        }
        java.util.List<String> cidrs = new java.util.ArrayList<>();
        JsonNode list = body.path("cidr_whitelist");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw HttpError.badRequest("'cidr_whitelist' must be an array of CIDR ranges", "bad request");
            }
            for (JsonNode cidr : list) {
                if (!cidr.isTextual()) {
                    throw HttpError.badRequest("'cidr_whitelist' must be an array of CIDR ranges", "bad request");
                }
                cidrs.add(cidr.asText());
            }
        }
        try {
            return new TokenLimits(readonly.asBoolean(false), cidrs);
        } catch (AuthException e) {
            throw HttpError.badRequest("cidr_whitelist: " + e.getMessage(), "bad request");
        }
    }

    private static JsonNode cidrs(TokenLimits limits) {
        if (limits.cidrs().isEmpty()) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        ArrayNode array = Request.JSON.createArrayNode();
        limits.cidrs().forEach(array::add);
        return array;
    }

    void revoke(Request request, String key) throws IOException {
        String user = auth.requireUser(request);
        java.util.List<TokenInfo> mine = tokens.list().stream()
            .filter(t -> t.user().equals(user) && !key.isEmpty() && t.id().startsWith(key)).toList();
        if (mine.isEmpty()) {
            throw HttpError.notFound("no token of " + user + " has the key '" + key + "'");
        }
        if (mine.size() > 1) {
            throw HttpError.badRequest("the key '" + key + "' starts " + mine.size() + " tokens of " + user,
                "give more of the key");
        }
        tokens.revokeMatching(mine.getFirst().id());
        request.sendJson(200, Request.JSON.createObjectNode().put("ok", "revoked " + key));
    }
}
