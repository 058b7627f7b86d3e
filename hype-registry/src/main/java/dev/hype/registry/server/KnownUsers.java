package dev.hype.registry.server;

import dev.hype.registry.auth.TokenStore;
import dev.hype.registry.auth.UserStore;

/** Tell whether a user exists on this registry: someone holds a token for it, or it has an account. */
final class KnownUsers {
    private final TokenStore tokens;
    private final UserStore users;

    KnownUsers(TokenStore tokens, UserStore users) {
        this.tokens = tokens;
        this.users = users;
    }

    boolean known(String user) {
        return tokens.list().stream().anyMatch(t -> t.user().equals(user)) || users.exists(user);
    }
}
