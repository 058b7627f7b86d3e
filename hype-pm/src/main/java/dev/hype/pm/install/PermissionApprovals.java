package dev.hype.pm.install;

import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.permissions.PermissionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compare what each package to install asks to do with the approval {@code hype-lock.json} records for it.
 *
 * <p>The lockfile keeps one approval per package name: exactly the request that was approved. A package that asks
 * for nothing needs no approval (and records {@code {}}). A package whose request the approval covers needs none
 * either, and records its request, so a request that shrank shrinks the approval. A package that asks for anything
 * its approval does not list, or that was never approved, needs approval before it is installed; entries compare
 * as written ({@link PermissionSpec#beyond}).
 */
public final class PermissionApprovals {
    /** Code of an install refused because packages ask for permissions that were not approved. */
    public static final String NOT_APPROVED = "E_PERMISSIONS_NOT_APPROVED";

    private PermissionApprovals() {
    }

    /**
     * Return one request per package, in name order.
     *
     * @param versions the version to install of each package
     * @param requested what each of those versions asks for
     * @param previous the lockfile before this install, or {@code null} when there was none
     */
    public static List<PermissionRequest> review(Map<String, Version> versions, Map<String, PermissionSpec> requested,
                                                 Lockfile previous) {
        return review(versions, requested, Map.of(), previous);
    }

    /**
     * Return one request per package, in name order, each with the commands its bins provide.
     *
     * @param commands the bin names of each package, for the listing; a package missing here provides none
     */
    public static List<PermissionRequest> review(Map<String, Version> versions, Map<String, PermissionSpec> requested,
                                                 Map<String, List<String>> commands, Lockfile previous) {
        List<PermissionRequest> requests = new ArrayList<>();
        new TreeMap<>(versions).forEach((name, version) -> {
            LockedPackage locked = previous == null ? null : previous.packages().get(name);
            PermissionSpec approved = locked == null ? null : locked.approvedPermissions();
            requests.add(new PermissionRequest(name, version, requested.getOrDefault(name, PermissionSpec.NONE),
                    approved, approved == null ? null : locked.version(), commands.getOrDefault(name, List.of())));
        });
        return requests;
    }

    /** Return the requests that need approval. */
    public static List<PermissionRequest> pending(List<PermissionRequest> requests) {
        return requests.stream().filter(PermissionRequest::needsApproval).toList();
    }

    /** Return each pending request's lines, indented by two spaces, one per line, for messages. */
    public static String listing(List<PermissionRequest> pending) {
        List<String> lines = new ArrayList<>();
        pending.forEach(request -> request.lines().forEach(line -> lines.add("  " + line)));
        return String.join("\n", lines);
    }

    /** Return how many packages ask, as {@code 1 package asks} or {@code 2 packages ask}. */
    public static String asking(List<PermissionRequest> pending) {
        return pending.size() + (pending.size() == 1 ? " package asks" : " packages ask");
    }
}
