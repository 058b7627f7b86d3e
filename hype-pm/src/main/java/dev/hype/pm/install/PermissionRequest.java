package dev.hype.pm.install;

import dev.hype.pm.semver.Version;
import dev.hype.runtime.permissions.PermissionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tell what one package to install asks to do at run time, next to what {@code hype-lock.json} approved for it.
 *
 * @param name the package name
 * @param version the version to install
 * @param requested the {@code permissions} of that version's {@code hype.json}
 * @param approved the approval the lockfile records for the package, or {@code null} when it never had one
 * @param approvedVersion the version the lockfile locked with that approval, or {@code null} when there is none
 * @param commands the bins the package puts in {@code hype_modules/.bin}: they run as its code, with what is approved
 */
public record PermissionRequest(String name, Version version, PermissionSpec requested, PermissionSpec approved,
                                Version approvedVersion, List<String> commands) {
    /** Check the required parts. */
    public PermissionRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(requested, "requested");
        commands = List.copyOf(commands);
    }

    /** Create a request of a package that provides no commands. */
    public PermissionRequest(String name, Version version, PermissionSpec requested, PermissionSpec approved,
                             Version approvedVersion) {
        this(name, version, requested, approved, approvedVersion, List.of());
    }

    /** Return what the request adds to the approval: everything, when there was no approval. */
    public PermissionSpec added() {
        return requested.beyond(approved == null ? PermissionSpec.NONE : approved);
    }

    /** Return whether the package must be approved before it is installed. */
    public boolean needsApproval() {
        return !added().isEmpty();
    }

    /**
     * Return {@code name@version} and why it needs approval: {@code (new)}, {@code (grew since the approved 1.0.0)},
     * or {@code (asks for more than approved)} when the approved version is this one.
     */
    public String heading() {
        String why;
        if (approved == null) {
            why = "(new)";
        } else if (approvedVersion != null && !approvedVersion.equals(version)) {
            why = "(grew since the approved " + approvedVersion + ")";
        } else {
            why = "(asks for more than approved)";
        }
        return name + "@" + version + " " + why;
    }

    /**
     * Return the heading, then one indented line per kind of permission to approve, then the commands the package
     * provides, which run with those permissions.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(heading());
        added().describe().forEach(line -> lines.add("  " + line));
        if (!commands.isEmpty()) {
            lines.add("  provides commands (hype_modules/.bin, run as " + name + " with these permissions): "
                    + String.join(", ", commands));
        }
        return lines;
    }
}
