package dev.hype.pm.ops;

import dev.hype.pm.semver.Version;
import dev.hype.runtime.permissions.PermissionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Tell what a project has installed and, when asked, which direct dependencies are behind.
 *
 * @param packages every locked package, sorted by name
 * @param outdated the direct dependencies not at their wanted or latest version; empty unless asked
 */
public record ListResult(List<Entry> packages, List<Outdated> outdated) {
    /** Copy the lists. */
    public ListResult {
        packages = List.copyOf(packages);
        outdated = List.copyOf(outdated);
    }

    /**
     * Describe one locked package.
     *
     * @param name the package name
     * @param version the locked version
     * @param direct whether {@code hype.json} names it, rather than another package needing it
     * @param present whether {@code hype_modules/} holds it
     * @param permissions the permissions {@code hype-lock.json} approves for it, or {@code null} when none were
     */
    public record Entry(String name, Version version, boolean direct, boolean present, PermissionSpec permissions) {
        /** Return the kinds of permission approved, as {@code hype.json} names them: {@code network}, {@code process}. */
        public List<String> permissionKinds() {
            List<String> kinds = new ArrayList<>();
            if (permissions == null) {
                return kinds;
            }
            if (permissions.unrestricted()) {
                kinds.add("unrestricted");
            }
            if (!permissions.read().isEmpty()) {
                kinds.add("read");
            }
            if (!permissions.write().isEmpty()) {
                kinds.add("write");
            }
            if (!permissions.domains().isEmpty() || !permissions.ports().isEmpty()) {
                kinds.add("network");
            }
            if (!permissions.env().isEmpty()) {
                kinds.add("env");
            }
            if (permissions.process()) {
                kinds.add("process");
            }
            if (!permissions.java().isEmpty()) {
                kinds.add("java");
            }
            if (permissions.nativeCode()) {
                kinds.add("native");
            }
            return kinds;
        }
    }

    /**
     * Describe a direct dependency that could move, as {@code npm outdated} does.
     *
     * @param name the package name
     * @param range the range {@code hype.json} asks for
     * @param current the locked version, or {@code null} when it is not locked
     * @param wanted the newest published version within {@code range}, or {@code null} when none is
     * @param latest the version the {@code latest} dist-tag names, or {@code null} when there is none
     */
    public record Outdated(String name, String range, Version current, Version wanted, Version latest) {
    }
}
