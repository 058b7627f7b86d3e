package dev.hype.pm.ops;

import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryConfigWriter;
import dev.hype.pm.registry.RegistryException;
import dev.hype.pm.registry.RegistryToken;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Use a registry account as npm's {@code login}, {@code logout}, {@code whoami} and {@code token} commands do: each
 * request goes to the default registry with the configured token, and a login's token is kept in the user's
 * {@code config.json} under the registry's {@code host:port}.
 */
public final class AccountOperation {
    /** Code of a logout or token request with no token configured for the registry. */
    public static final String E_NOT_LOGGED_IN = "E_NOT_LOGGED_IN";

    private AccountOperation() {
    }

    /** Log in with a password (the registry may create the account), keep the token, and return who is logged in. */
    public static AccountResult login(RegistryClient client, String user, String password, Path home) {
        String token = client.login(user, password);
        Path file = RegistryConfigWriter.setToken(home, client.registry(), token);
        return new AccountResult(user, client.registry(), file);
    }

    /**
     * Keep a token created elsewhere (for example with {@code hype registry token create}) after checking it:
     * {@code checked} must be a client that sends that token.
     */
    public static AccountResult saveToken(RegistryClient checked, String token, Path home) {
        String user = checked.whoami();
        Path file = RegistryConfigWriter.setToken(home, checked.registry(), token);
        return new AccountResult(user, checked.registry(), file);
    }

    /** Return who the configured token authenticates. */
    public static AccountResult whoami(RegistryClient client) {
        return new AccountResult(client.whoami(), client.registry(), null);
    }

    /**
     * Revoke {@code token} on the registry (a token it no longer knows is fine) and remove it from the user's
     * config; return where it was removed from, or {@code null} when it was not kept there (it came from
     * {@code HYPE_TOKEN} or a project's {@code .hyperc.json}).
     */
    public static AccountResult logout(RegistryClient client, String token, Path home) {
        URI registry = client.registry();
        if (token == null) {
            throw new OperationException(E_NOT_LOGGED_IN, "not logged in to " + registry,
                    List.of("log in with 'hype pkg login --registry " + registry + "'"));
        }
        try {
            client.logout(token);
        } catch (RegistryException e) {
            if (!RegistryException.E_UNAUTHORIZED.equals(e.code())) {
                throw e;
            }
            // The registry no longer knows the token: forgetting it locally is all that is left to do.
        }
        boolean removed = RegistryConfigWriter.removeToken(home, registry);
        return new AccountResult(null, registry, removed ? home.resolve("config.json") : null);
    }

    /** List the account's tokens. */
    public static List<RegistryToken> tokens(RegistryClient client) {
        return client.tokens();
    }

    /** Create a token for the account, confirmed by its password. */
    public static RegistryToken createToken(RegistryClient client, String password, boolean readonly,
                                            List<String> cidrs) {
        return client.createToken(password, readonly, cidrs);
    }

    /** Revoke the account's token whose key starts with {@code key}. */
    public static void revokeToken(RegistryClient client, String key) {
        client.revokeToken(key);
    }
}
