package dev.hype.pm.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.install.Bins;
import dev.hype.pm.install.InstallPlan;
import dev.hype.pm.install.PackageIdentity;
import dev.hype.pm.install.Parallel;
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
    record Approvals(Map<String, PermissionSpec> recorded, List<PermissionRequest> approved, Map<String, Bins> bins) {
        Approvals {
            recorded = Collections.unmodifiableMap(new TreeMap<>(recorded));
            approved = List.copyOf(approved);
            bins = Collections.unmodifiableMap(new TreeMap<>(bins));
        }
    }

    /** What the gate read from one package's {@code hype.json}, parsed once. */
    private record Read(PackageRef ref, PermissionSpec requested, Bins bins) {
    }

    /**
     * Check the packages of {@code plan}. A linked package's request is read from the bytes of its {@code hype.json}
     * in the store, checked against the store's index, so that a copy edited in place (in another project, through a
     * hard link) never changes what is asked. A kept package's is read from {@code hype_modules/}, whose
     * {@code hype.json} the planner compared with the same index. Each {@code hype.json} is parsed once, for the
     * package's identity, its request and its bins (returned for {@code .bin}), the packages a few at a time.
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
        Map<String, Bins> bins = new TreeMap<>();
        List<Read> reads;
        try {
            List<Read> linked = Parallel.map(plan.link(), ref -> {
                Path dir = stored.get(ref.name());
                byte[] bytes = store.readVerified(ref.entryKey(), MANIFEST);
                JsonNode tree = null;
                RuntimeException unreadable = null;
                try {
                    tree = bytes == null ? null : RequestedPermissions.parse(bytes, ref.label());
                } catch (RuntimeException e) {
                    unreadable = e; // after the identity check, which passes over a hype.json that is not JSON
                }
                PackageIdentity.check(dir, ref, tree);
                if (unreadable != null) {
                    throw unreadable;
                }
                return new Read(ref, requested(manifest, ref, RequestedPermissions.of(tree, ref.label())),
                        Bins.of(tree, ref.name()));
            });
            // the planner kept these only because their hype.json has the hash the store's index records
            List<Read> kept = Parallel.map(plan.keep(), ref -> {
                Path dir = plan.installed().get(ref.name()).directory();
                return new Read(ref, requested(manifest, ref, RequestedPermissions.read(dir, ref.label())),
                        Bins.read(dir, ref.name()));
            });
            reads = new java.util.ArrayList<>(linked);
            reads.addAll(kept);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // no step above throws one
        }
        for (Read read : reads) {
            versions.put(read.ref().name(), read.ref().version());
            requested.put(read.ref().name(), read.requested());
            commands.put(read.ref().name(), List.copyOf(read.bins().commands().keySet()));
            bins.put(read.ref().name(), read.bins());
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
        return new Approvals(requested, pending, bins);
    }

    /** Return what a package asks for: its own {@code hype.json}'s request, or for a rock what the project decides. */
    private static PermissionSpec requested(Manifest manifest, PackageRef ref, PermissionSpec own) {
        return RockName.isRock(ref.name()) ? RockPermissions.requested(manifest, ref.name(), own) : own;
    }
}
