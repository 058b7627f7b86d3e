package dev.hype.registry.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Issue, check and revoke the bearer tokens the registry accepts.
 *
 * <p>Only the sha256 hash of each token is stored, in {@code <storage>/.hype/tokens.json},
 * together with its user and creation time. A running server sees tokens created by another
 * process (e.g. {@code hype registry token create}) on the next request.
 */
public interface TokenStore {

    /** Open the token store of the registry whose storage directory is {@code storageDir}. */
    static TokenStore open(Path storageDir) {
        return new FileTokenStore(storageDir.resolve(".hype").resolve("tokens.json"));
    }

    /**
     * Create a token for {@code user} in the registry stored at {@code storageDir} and return it;
     * this is the only time the token is visible.
     */
    static String create(Path storageDir, String user) {
        return open(storageDir).issue(user);
    }

    /** Create a token for {@code user} with {@code limits} in the registry stored at {@code storageDir}. */
    static String create(Path storageDir, String user, TokenLimits limits) {
        return open(storageDir).issue(user, limits);
    }

    /** Return the key of {@code token}, as {@link TokenInfo#id()} shows it: the start of its sha256 hash. */
    static String keyOf(String token) {
        return FileTokenStore.hash(token).substring(0, 12);
    }

    /**
     * Create a token for {@code user}, without limits, and return it.
     *
     * @throws AuthException with code {@code E_INVALID_USER} for a user name that is not 1 to 64
     *     letters, digits, {@code .}, {@code _} or {@code -}
     */
    default String issue(String user) {
        return issue(user, TokenLimits.NONE);
    }

    /**
     * Create a token for {@code user} with {@code limits} (read-only, CIDR ranges) and return it.
     *
     * @throws AuthException with code {@code E_INVALID_USER} for a user name that is not valid
     */
    String issue(String user, TokenLimits limits);

    /** Return the user {@code token} authenticates, if it is a stored token (whatever its limits). */
    default Optional<String> authenticate(String token) {
        return identify(token).map(TokenInfo::user);
    }

    /** Return what is stored about {@code token} (its user and limits), if it is a stored token. */
    Optional<TokenInfo> identify(String token);

    /** Remove {@code token}; return whether it was stored. */
    boolean revoke(String token);

    /** List the stored tokens, oldest first. */
    List<TokenInfo> list();

    /**
     * Remove the token whose id ({@link TokenInfo#id()}) starts with {@code idPrefix} (at least 6 hex digits), or
     * which is {@code idPrefix} itself; return it, or empty when none matches.
     *
     * @throws AuthException {@code E_AMBIGUOUS_TOKEN} when the prefix matches more than one token
     */
    java.util.Optional<TokenInfo> revokeMatching(String idPrefix);
}
