package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.auth.AuthException;
import dev.hype.registry.auth.ScopeStore;
import java.io.IOException;
import java.util.Map;

/**
 * Answer npm's org membership API for scopes ({@code npm org ls|set|rm}): {@code GET}, {@code PUT} and
 * {@code DELETE /-/org/{scope}/user}.
 *
 * <p>Members may list the roster. Owners and admins add and remove developers and admins; only owners grant or
 * take away {@code owner}, and the last owner cannot be removed. A member may always leave. Only users this
 * registry knows (by a token or an account) can be added.
 */
final class OrgHandler {
    private final ScopeStore scopes;
    private final Authenticator auth;
    private final KnownUsers users;

    OrgHandler(ScopeStore scopes, Authenticator auth, KnownUsers users) {
        this.scopes = scopes;
        this.auth = auth;
        this.users = users;
    }

    void roster(Request request, String scope) throws IOException {
        String user = auth.requireUser(request);
        Map<String, String> roster = existing(scope);
        if (!roster.containsKey(user)) {
            throw new HttpError(403, "user '" + user + "' is not a member of @" + scope, "only members see the roster");
        }
        ObjectNode body = Request.JSON.createObjectNode();
        roster.forEach(body::put);
        request.sendJson(200, body);
    }

    void set(Request request, String scope) throws IOException {
        String user = auth.requireUser(request);
        JsonNode body = request.jsonBody();
        String member = body.path("user").asText("").replaceFirst("^@", "");
        String role = body.path("role").isTextual() ? body.get("role").asText() : "developer";
        Map<String, String> roster = existing(scope);
        String mine = roster.get(user);
        if (!ScopeStore.ROLES.contains(role)) {
            throw HttpError.badRequest("'" + role + "' is not a role; use one of " + ScopeStore.ROLES, "bad request");
        }
        boolean ownerChange = role.equals("owner") || "owner".equals(roster.get(member));
        if (mine == null || mine.equals("developer") || ownerChange && !mine.equals("owner")) {
            throw new HttpError(403, "user '" + user + "' may not make '" + member + "' " + role + " of @" + scope,
                ownerChange ? "only an owner grants or changes the owner role" : "only owners and admins add members");
        }
        if (!users.known(member)) {
            throw HttpError.notFound("user '" + member + "' is not known to this registry");
        }
        if (ownerChange && !role.equals("owner") && ScopeAccess.owners(roster).equals(java.util.List.of(member))) {
            throw new HttpError(409, "'" + member + "' is the last owner of @" + scope, "make someone else owner first");
        }
        try {
            scopes.set(scope, member, role);
        } catch (AuthException e) {
            throw HttpError.badRequest(e.getMessage(), "bad request");
        }
        ObjectNode answer = Request.JSON.createObjectNode();
        answer.putObject("org").put("name", scope).put("size", scopes.roster(scope).size());
        answer.put("user", member).put("role", role);
        request.sendJson(200, answer);
    }

    void remove(Request request, String scope) throws IOException {
        String user = auth.requireUser(request);
        String member = request.jsonBody().path("user").asText("").replaceFirst("^@", "");
        Map<String, String> roster = existing(scope);
        String mine = roster.get(user);
        String theirs = roster.get(member);
        if (theirs == null) {
            throw HttpError.notFound("user '" + member + "' is not a member of @" + scope);
        }
        boolean self = user.equals(member);
        if (!self && (mine == null || mine.equals("developer") || theirs.equals("owner") && !mine.equals("owner"))) {
            throw new HttpError(403, "user '" + user + "' may not remove '" + member + "' from @" + scope,
                "only owners remove owners, and owners and admins remove others");
        }
        if (theirs.equals("owner") && ScopeAccess.owners(roster).size() == 1) {
            throw new HttpError(409, "'" + member + "' is the last owner of @" + scope, "make someone else owner first");
        }
        scopes.remove(scope, member);
        request.sendJson(200, Request.JSON.createObjectNode().put("ok", "removed " + member + " from @" + scope));
    }

    private Map<String, String> existing(String scope) {
        Map<String, String> roster = scopes.roster(scope);
        if (roster.isEmpty()) {
            throw HttpError.notFound("scope @" + scope + " has no members yet; it belongs to whoever first publishes in it");
        }
        return roster;
    }
}
