package dev.hype.registry.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Keep who belongs to each scope ({@code @acme}) of a registry, with npm's org roles: {@code owner} (manages the
 * members), {@code admin} (adds and removes developers) and {@code developer} (publishes new packages in the scope).
 *
 * <p>A scope belongs to whoever first publishes in it. Rosters are kept in {@code <storage>/.hype/scopes.json};
 * scopes are named without the {@code @}.
 */
public interface ScopeStore {
    /** The roles a member can have, from most to least powerful. */
    List<String> ROLES = List.of("owner", "admin", "developer");

    /** Open the scope store of the registry whose storage directory is {@code storageDir}. */
    static ScopeStore open(Path storageDir) {
        return new FileScopeStore(storageDir.resolve(".hype").resolve("scopes.json"));
    }

    /** Return the members of {@code scope}, user to role, in the order they joined; empty while nobody owns it. */
    Map<String, String> roster(String scope);

    /**
     * Give {@code scope} to {@code owners} if nobody owns it yet, atomically; return the roster afterwards (the
     * existing one when someone was first).
     */
    Map<String, String> claim(String scope, List<String> owners);

    /**
     * Set {@code user}'s role in {@code scope}, adding the user if needed.
     *
     * @throws AuthException {@code E_INVALID_USER} for an invalid user name or role
     */
    void set(String scope, String user, String role);

    /** Remove {@code user} from {@code scope}; return whether the user was a member. */
    boolean remove(String scope, String user);
}
