package dev.hype.pm.ops;

import dev.hype.pm.install.PermissionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Tell what an install or remove changed.
 *
 * @param added packages that were not installed before, by name
 * @param removed packages no longer installed
 * @param changed packages installed at another version or from another tarball
 * @param installed how many packages the tree now holds
 * @param lockfileChanged whether {@code hype-lock.json} was written
 * @param duration how long it took
 * @param approved the packages whose permissions this install approved, with what they asked for
 */
public record InstallResult(List<String> added, List<String> removed, List<String> changed, int installed,
                            boolean lockfileChanged, Duration duration, List<PermissionRequest> approved) {
    /** Copy the lists. */
    public InstallResult {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        approved = List.copyOf(approved);
    }

    /** Return the closing summary, e.g. {@code added 12, removed 1, changed 2 in 0.84s}. */
    public String summary() {
        return String.format(Locale.ROOT, "added %d, removed %d, changed %d in %.2fs", added.size(),
                removed.size(), changed.size(), duration.toMillis() / 1000.0);
    }
}
