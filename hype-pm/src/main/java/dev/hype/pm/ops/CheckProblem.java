package dev.hype.pm.ops;

/**
 * Describe one thing {@code hype pkg check} found wrong.
 *
 * @param kind what sort of problem it is
 * @param subject the file or package it concerns
 * @param message what is wrong, in a sentence
 */
public record CheckProblem(Kind kind, String subject, String message) {
    /** Name the sorts of problems a check finds. */
    public enum Kind {
        /** {@code hype.json} is missing or invalid. */
        MANIFEST,
        /** {@code hype-lock.json} is missing, invalid, or does not match {@code hype.json}. */
        LOCKFILE,
        /** A locked package is not installed. */
        MISSING_PACKAGE,
        /** An installed package is not in the lockfile. */
        EXTRANEOUS_PACKAGE,
        /** An installed package has another version or came from another tarball than the lockfile says. */
        WRONG_PACKAGE,
        /** An installed file differs from the one its tarball holds. */
        MODIFIED_FILE,
        /** A file of the package's tarball is not installed. */
        MISSING_FILE,
        /** An installed file is not part of the package's tarball. */
        EXTRANEOUS_FILE,
        /** The store lacks the package's entry, so its files cannot be compared. */
        UNVERIFIABLE,
        /** An installed package's {@code hype.json} asks for permissions the lockfile does not approve. */
        PERMISSIONS
    }

    @Override
    public String toString() {
        return subject + ": " + message;
    }
}
