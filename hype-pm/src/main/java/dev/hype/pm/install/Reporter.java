package dev.hype.pm.install;

import dev.hype.pm.store.PackageRef;
import java.nio.file.Path;
import java.util.List;

/**
 * Receive progress from package operations. Library code reports here instead of printing; every method does
 * nothing by default, and implementations must accept calls from several threads.
 */
public interface Reporter {
    /** A reporter that ignores everything. */
    Reporter SILENT = new Reporter() { };

    /** Note that another install holds the project lock and this one waits for it. */
    default void waitingForLock(Path lockFile) {
    }

    /** Note that an install that was killed was finished or undone, or its leftovers deleted, before this one. */
    default void recovered(ProjectCommit.Recovery recovery) {
    }

    /** Note that resolution chose {@code count} packages. */
    default void resolved(int count) {
    }

    /** Note that a tarball download starts. */
    default void fetching(PackageRef ref) {
    }

    /** Note that a package is in the store, downloaded or not. */
    default void stored(PackageRef ref) {
    }

    /** Note that packages ask for permissions to approve; the approver is asked next, so end any progress line. */
    default void permissionsToApprove(List<PermissionRequest> pending) {
    }

    /** Note that a package was placed into the new tree. */
    default void linked(PackageRef ref) {
    }

    /** Note that a package was left out of the new tree. */
    default void removed(String name) {
    }

    /** Note that a new or changed package put {@code commands} into {@code hype_modules/.bin}. */
    default void commandsLinked(PackageRef ref, List<String> commands) {
    }

    /** Note that a bin was not linked into {@code hype_modules/.bin}; {@code message} says which and why. */
    default void binNotLinked(String message) {
    }
}
