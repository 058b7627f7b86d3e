package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.registry.auth.AuthException;
import dev.hype.registry.auth.LoginOutcome;
import dev.hype.registry.auth.TokenStore;
import dev.hype.registry.auth.UserStore;
import java.io.IOException;

/** Answer the account endpoints npm uses: login/adduser, whoami, logout and ping. */
final class UserHandler {

    private final TokenStore tokens;
    private final UserStore users;
    private final Authenticator auth;
    private final boolean allowSignup;

    UserHandler(TokenStore tokens, UserStore users, Authenticator auth, boolean allowSignup) {
        this.tokens = tokens;
        this.users = users;
        this.auth = auth;
        this.allowSignup = allowSignup;
    }

    /** Answer {@code PUT /-/user/org.couchdb.user:{name}}: create or log in an account and return a token. */
    void login(Request request, String user) throws IOException {
        if (!allowSignup) {
            throw new HttpError(401, "password login and sign-up are disabled on this registry; use a token created with "
                + "'hype registry token create " + user + "'", Authenticator.TOKEN_HINT);
        }
        JsonNode body = request.jsonBody();
        String name = body.path("name").asText(user);
        String password = body.path("password").asText("");
        if (!name.equals(user)) {
            throw HttpError.badRequest("the body's name '" + name + "' does not match the URL's '" + user + "'", "bad request");
        }
        LoginOutcome outcome;
        try {
            outcome = users.login(user, password);
        } catch (AuthException e) {
            throw HttpError.badRequest(e.getMessage(), "bad request");
        }
        if (outcome == LoginOutcome.WRONG_PASSWORD) {
            throw new HttpError(401, "wrong password for user '" + user + "'", "unauthorized");
        }
        String token = tokens.issue(user);
        request.user(user);
        request.sendJson(201, Request.JSON.createObjectNode()
            .put("ok", outcome == LoginOutcome.CREATED ? "user '" + user + "' created" : "you are authenticated as '" + user + "'")
            .put("id", "org.couchdb.user:" + user)
            .put("token", token));
    }

    /** Answer {@code GET /-/whoami}. */
    void whoami(Request request) throws IOException {
        String user = auth.requireUser(request);
        request.sendJson(200, Request.JSON.createObjectNode().put("username", user));
    }

    /** Answer {@code DELETE /-/user/token/{token}}, as {@code npm logout} calls it. */
    void logout(Request request, String token) throws IOException {
        String user = auth.requireUserEvenReadOnly(request);
        boolean revoked = tokens.authenticate(token).filter(user::equals).isPresent() && tokens.revoke(token);
        request.sendJson(200, Request.JSON.createObjectNode().put("ok", revoked ? "logged out" : "token was not known"));
    }

    /** Answer {@code GET /-/ping}. */
    void ping(Request request) throws IOException {
        request.sendJson(200, Request.JSON.createObjectNode());
    }
}
