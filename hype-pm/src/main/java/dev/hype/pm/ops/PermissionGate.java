package dev.hype.pm.ops;

import dev.hype.pm.install.Bins;
import dev.hype.pm.install.InstallPlan;
import dev.hype.pm.install.PackageIdentity;
import dev.hype.pm.install.PermissionApprovals;
import dev.hype.pm.install.PermissionRequest;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.install.RequestedPermissions;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.semver.Version;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.Store;
import dev.hype.runtime.permissions.PermissionSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run the install step between filling the store and changing the project: check that each package to link is the
 * package it is installed as ({@link PackageIdentity}), read what it asks for and the commands it provides from its
 * unpacked {@code hype.json}, compare that with the approvals in {@code hype-lock.json}, and ask the approver once
 * about everything new, showing the commands with the permissions they run with.
 */
final class PermissionGate {
    private static final String MANIFEST = "hype.json";

    private PermissionGate() {
    }

    /**
     * Hold what the gate let through.
     *
     * @param recorded the approval to record for each installed package: its request
     * @param approved the requests approved by this install, in name order
     */
    record Approvals(Map<String, PermissionSpec> recorded, List<PermissionRequest> approved) {
        Approvals {
            recorded = Collections.unmodifiableMap(new TreeMap<>(recorded));
            approved = List.copyOf(approved);
        }
    }

    /**
     * Check the packages of {@code plan}. A linked package's request is read from the bytes of its {@code hype.json}
     * in the store, checked against the store's index, so that a copy edited in place (in another project, through a
     * hard link) never changes what is asked. A kept package's is read from {@code hype_modules/}, whose
     * {@code hype.json} the planner compared with the same index.
     *
     * @throws OperationException {@link PermissionApprovals#NOT_APPROVED} when the approver refuses, or when
     *     anything needs approval under {@code --frozen}
     */
    static Approvals check(InstallPlan plan, Store store, Map<String, Path> stored, Lockfile previous,
                           Manifest manifest,
                           InstallOptions options, Reporter reporter) {
        Map<String, Version> versions = new TreeMap<>();
        Map<String, PermissionSpec> requested = new TreeMap<>();
        Map<String, List<String>> commands = new TreeMap<>();
        for (PackageRef ref : plan.link()) {
            Path dir = stored.get(ref.name());
            PackageIdentity.check(dir, ref);
            versions.put(ref.name(), ref.version());
            requested.put(ref.name(), requested(manifest, ref, RequestedPermissions.read(
                    store.readVerified(ref.entryKey(), MANIFEST), ref.label())));
            commands.put(ref.name(), List.copyOf(Bins.read(dir, ref.name()).commands().keySet()));
        }
        for (PackageRef ref : plan.keep()) {
            Path dir = plan.installed().get(ref.name()).directory();
            versions.put(ref.name(), ref.version());
            // the planner kept it only because its hype.json has the hash the store's index records
            requested.put(ref.name(), requested(manifest, ref, RequestedPermissions.read(dir, ref.label())));
            commands.put(ref.name(), List.copyOf(Bins.read(dir, ref.name()).commands().keySet()));
        }
        List<PermissionRequest> pending = PermissionApprovals.pending(
                PermissionApprovals.review(versions, requested, commands, previous));
        if (!pending.isEmpty()) {
            if (options.frozen()) {
                throw new OperationException(PermissionApprovals.NOT_APPROVED, "--frozen: "
                        + PermissionApprovals.asking(pending) + " for permissions " + Lockfile.FILE_NAME
                        + " does not approve:\n" + PermissionApprovals.listing(pending),
                        List.of("run 'hype pkg install' without --frozen to approve them, then commit "
                                + Lockfile.FILE_NAME));
            }
            reporter.permissionsToApprove(pending);
            if (!options.approver().approve(pending)) {
                throw new OperationException(PermissionApprovals.NOT_APPROVED, PermissionApprovals.asking(pending)
                        + " for permissions that are not approved:\n" + PermissionApprovals.listing(pending),
                        List.of("rerun with --allow-permissions to approve them, or review them with "
                                + "'hype pkg info <name>'"));
            }
        }
        return new Approvals(requested, pending);
    }

    /** Return what a package asks for: its own {@code hype.json}'s request, or for a rock what the project decides. */
    private static PermissionSpec requested(Manifest manifest, PackageRef ref, PermissionSpec own) {
        return RockName.isRock(ref.name()) ? RockPermissions.requested(manifest, ref.name(), own) : own;
    }
}
