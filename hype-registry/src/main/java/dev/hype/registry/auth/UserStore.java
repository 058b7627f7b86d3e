package dev.hype.registry.auth;

import java.nio.file.Path;

/**
 * Keep the accounts {@code npm login}/{@code npm adduser} create, when the server allows it.
 *
 * <p>Passwords are stored as salted PBKDF2-HMAC-SHA256 hashes in
 * {@code <storage>/.hype/users.json}.
 */
public interface UserStore {

    /** Open the account store of the registry whose storage directory is {@code storageDir}. */
    static UserStore open(Path storageDir) {
        return new FileUserStore(storageDir.resolve(".hype").resolve("users.json"));
    }

    /**
     * Create {@code user} with {@code password} if the account does not exist, else check the
     * password.
     *
     * @throws AuthException with code {@code E_INVALID_USER} for an invalid user name or an empty
     *     password
     */
    LoginOutcome login(String user, String password);

    /**
     * Check {@code password} against an existing account, creating nothing.
     *
     * @return {@code AUTHENTICATED}, {@code WRONG_PASSWORD}, or empty when {@code user} has no account
     */
    java.util.Optional<LoginOutcome> verify(String user, String password);

    /** Return whether an account named {@code user} exists. */
    boolean exists(String user);
}
