package dev.hype.registry.auth;

/** Tell what an npm-style login did. */
public enum LoginOutcome {
    /** The account did not exist and was created with the given password. */
    CREATED,
    /** The account exists and the password matched. */
    AUTHENTICATED,
    /** The account exists and the password did not match. */
    WRONG_PASSWORD
}
