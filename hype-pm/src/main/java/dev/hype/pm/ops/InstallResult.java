package dev.hype.pm.ops;

import dev.hype.pm.install.PermissionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Tell what an install or remove changed, or on a dry run would change.
 *
 * @param added packages that were not installed before, by name
 * @param removed packages no longer installed
 * @param changed packages installed at another version or from another tarball
 * @param installed how many packages the tree now holds
 * @param lockfileChanged whether {@code hype-lock.json} was written (on a dry run: would be)
 * @param duration how long it took
 * @param approved the packages whose permissions this install approved, with what they asked for
 * @param versions every package whose locked version moves, sorted by name
 * @param manifestCreated whether {@code hype.json} did not exist and was created
 * @param dryRun whether nothing was changed: the lists say what an install would do
 */
public record InstallResult(List<String> added, List<String> removed, List<String> changed, int installed,
                            boolean lockfileChanged, Duration duration, List<PermissionRequest> approved,
                            List<PackageChange> versions, boolean manifestCreated, boolean dryRun) {
    /** Copy the lists. */
    public InstallResult {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        approved = List.copyOf(approved);
        versions = List.copyOf(versions);
    }

    /** Return the closing summary, e.g. {@code added 12, removed 1, changed 2 in 0.84s}. */
    public String summary() {
        if (dryRun) {
            return String.format(Locale.ROOT, "dry run: would add %d, remove %d, change %d; nothing was changed",
                    added.size(), removed.size(), changed.size());
        }
        return String.format(Locale.ROOT, "added %d, removed %d, changed %d in %.2fs", added.size(),
                removed.size(), changed.size(), duration.toMillis() / 1000.0);
    }
}
