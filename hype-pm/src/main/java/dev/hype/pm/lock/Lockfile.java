package dev.hype.pm.lock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.resolve.FeatureRequest;
import dev.hype.pm.resolve.RootRequirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hold a whole {@code hype-lock.json}.
 *
 * @param lockfileVersion the format version, {@link #VERSION}
 * @param root the project's own requirements when it was locked, name to range text
 * @param packages every locked package by name
 * @param extras unknown top-level keys, kept verbatim
 * @param rootRequests the features the project asked of its dependencies, where not just the default ones
 * @param rootFeatures the project's own features that were enabled, sorted, or {@code null} when the lockfile does
 *     not record them (it was written before Hype had features)
 */
public record Lockfile(int lockfileVersion, Map<String, String> root, Map<String, LockedPackage> packages,
                       Map<String, JsonNode> extras, Map<String, FeatureRequest> rootRequests,
                       List<String> rootFeatures) {
    /** The lockfile's file name. */
    public static final String FILE_NAME = "hype-lock.json";
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    /** A lockfile that locks nothing. */
    public static final Lockfile EMPTY = new Lockfile(VERSION, Map.of(), Map.of(), Map.of());

    /** Copy the maps, sorted by key. */
    public Lockfile {
        root = Collections.unmodifiableMap(new TreeMap<>(root));
        packages = Collections.unmodifiableMap(new TreeMap<>(packages));
        extras = Collections.unmodifiableMap(new TreeMap<>(extras));
        Map<String, FeatureRequest> requests = new TreeMap<>(rootRequests);
        requests.values().removeIf(FeatureRequest.DEFAULT::equals);
        rootRequests = Collections.unmodifiableMap(requests);
        rootFeatures = rootFeatures == null ? null : rootFeatures.stream().sorted().distinct().toList();
    }

    /** Create a lockfile that records no features. */
    public Lockfile(int lockfileVersion, Map<String, String> root, Map<String, LockedPackage> packages,
                    Map<String, JsonNode> extras) {
        this(lockfileVersion, root, packages, extras, Map.of(), null);
    }

    /** Read the lockfile in {@code projectDirectory}, or return empty when there is none. */
    public static Optional<Lockfile> readIfPresent(Path projectDirectory) {
        Path file = projectDirectory.resolve(FILE_NAME);
        return Files.exists(file) ? Optional.of(LockfileReader.read(file))
                : Optional.empty();
    }

    /** Return a copy that no longer locks {@code names}, neither as packages nor as root dependencies. */
    public Lockfile without(Set<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        Map<String, String> keptRoot = new TreeMap<>(root);
        keptRoot.keySet().removeAll(names);
        Map<String, LockedPackage> kept = new TreeMap<>(packages);
        kept.keySet().removeAll(names);
        Map<String, FeatureRequest> keptRequests = new TreeMap<>(rootRequests);
        keptRequests.keySet().removeAll(names);
        return new Lockfile(lockfileVersion, keptRoot, kept, extras, keptRequests, rootFeatures);
    }

    /**
     * List why this lockfile does not satisfy {@code requirements}: a root dependency missing or locked outside its
     * range, or a locked root dependency the requirements no longer name, other features asked of a dependency, other
     * project features, or no features recorded at all. Empty means it satisfies them.
     */
    public List<String> mismatches(RootRequirements requirements) {
        List<String> problems = new ArrayList<>();
        requirements.dependencies().forEach((name, allowed) -> {
            LockedPackage locked = packages.get(name);
            if (!root.containsKey(name) || locked == null) {
                problems.add(name + " is required by " + requirements.name() + " but not locked");
            } else if (!allowed.contains(locked.version())) {
                problems.add(name + " is locked at " + locked.version() + ", outside the required range " + allowed);
            }
        });
        root.keySet().stream().filter(name -> !requirements.dependencies().containsKey(name))
                .forEach(name -> problems.add(name + " is locked as a root dependency but no longer required"));
        requirements.dependencies().keySet().forEach(name -> {
            FeatureRequest locked = rootRequests.getOrDefault(name, FeatureRequest.DEFAULT);
            if (root.containsKey(name) && !locked.equals(requirements.request(name))) {
                problems.add(name + " is locked with " + describe(locked) + " but is now asked for with "
                        + describe(requirements.request(name)));
            }
        });
        if (rootFeatures == null) {
            problems.add("the lockfile records no features (an older Hype wrote it)");
        } else if (!rootFeatures.equals(requirements.features())) {
            problems.add(requirements.name() + " is locked with features " + rootFeatures + " but now enables "
                    + requirements.features());
        }
        return problems;
    }

    private static String describe(FeatureRequest request) {
        if (request.features().isEmpty()) {
            return request.defaultFeatures() ? "the default features" : "no features (default ones off)";
        }
        return "features " + request.features()
                + (request.defaultFeatures() ? " and the default ones" : " (default ones off)");
    }
}
