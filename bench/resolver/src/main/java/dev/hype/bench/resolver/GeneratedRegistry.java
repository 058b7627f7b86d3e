package dev.hype.bench.resolver;

import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.FeatureRequest;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.resolve.RootRequirements;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Generate a registry of {@code n} packages with 20 versions each (majors 1-4, minors 0-4) whose newer
 * versions pull dependencies towards different majors, so newest choices conflict and the solver must
 * backtrack. Every 1.x version depends only on {@code ^1.0.0} ranges, so a solution always exists.
 *
 * <p>With features, every version also has an optional dependency behind a feature {@code extra} (which
 * {@code default} enables in half of the packages), and a feature {@code fast} that asks each required dependency
 * for its own {@code fast}; half of the dependencies ask for {@code fast}, and a third of those turn the default
 * features off. The project asks its dependencies for {@code fast}.
 */
final class GeneratedRegistry implements PackageSource {
    private static final String[] RANGES = {"^1.0.0", "^2.0.0", "^3.0.0", "^4.0.0", ">=2.0.0", "<3.0.0",
        "^2.1.0 || ^3.0.0", "~4.2.0", "1.x || 4.x", "*"};
    private final Map<String, Map<Version, Dependencies>> packages = new HashMap<>();
    private final RootRequirements root;

    GeneratedRegistry(int n, long seed) {
        this(n, seed, false);
    }

    GeneratedRegistry(int n, long seed, boolean features) {
        Random random = new Random(seed);
        Map<String, VersionSet> cache = new HashMap<>();
        for (int p = 0; p < n; p++) {
            Map<Version, Dependencies> versions = new HashMap<>();
            for (int major = 1; major <= 4; major++) {
                for (int minor = 0; minor < 5; minor++) {
                    Map<String, VersionSet> deps = new HashMap<>();
                    int count = p + 1 < n ? random.nextInt(4) : 0;
                    for (int d = 0; d < count; d++) {
                        String dep = name(p + 1 + random.nextInt(Math.min(50, n - p - 1)));
                        String range = major == 1 ? "^1.0.0" : RANGES[random.nextInt(RANGES.length)];
                        deps.put(dep, cache.computeIfAbsent(range, r -> Range.parse(r).toVersionSet()));
                    }
                    versions.put(Version.of(major, minor, 0), features ? featured(random, p, n, major, deps, cache)
                            : Dependencies.of(deps));
                }
            }
            packages.put(name(p), versions);
        }
        Map<String, VersionSet> rootDeps = new HashMap<>();
        for (int i = 0; i < Math.max(5, n / 20); i++) {
            rootDeps.put(name(random.nextInt(Math.max(1, n / 4))), VersionSet.any());
        }
        Map<String, FeatureRequest> requests = new HashMap<>();
        if (features) {
            rootDeps.keySet().forEach(dep -> requests.put(dep, FeatureRequest.of(List.of("fast"), true)));
        }
        root = new RootRequirements("bench-root", Version.of(1, 0, 0), rootDeps, Map.of(), requests, List.of());
    }

    private static Dependencies featured(Random random, int p, int n, int major, Map<String, VersionSet> deps,
                                         Map<String, VersionSet> cache) {
        Map<String, VersionSet> optional = new HashMap<>();
        Map<String, FeatureRequest> requests = new HashMap<>();
        List<String> fast = new ArrayList<>();
        for (String dep : deps.keySet()) {
            fast.add(dep + "/fast");
            if (random.nextBoolean()) {
                requests.put(dep, FeatureRequest.of(List.of("fast"), random.nextInt(3) != 0));
            }
        }
        Map<String, List<String>> features = new HashMap<>();
        features.put("fast", fast);
        features.put("extra", List.of());
        if (p + 1 < n) {
            String dep = name(p + 1 + random.nextInt(Math.min(50, n - p - 1)));
            if (!deps.containsKey(dep)) {
                String range = major == 1 ? "^1.0.0" : RANGES[random.nextInt(RANGES.length)];
                optional.put(dep, cache.computeIfAbsent(range, r -> Range.parse(r).toVersionSet()));
                features.put("extra", List.of(dep));
            }
        }
        if (p % 2 == 0) {
            features.put("default", List.of("extra"));
        }
        return new Dependencies(deps, optional, features, requests);
    }

    static String name(int i) {
        return "pkg" + i;
    }

    RootRequirements root() {
        return root;
    }

    @Override
    public Optional<List<Version>> versions(String name) {
        Map<Version, Dependencies> v = packages.get(name);
        return v == null ? Optional.empty() : Optional.of(new ArrayList<>(v.keySet()));
    }

    @Override
    public Dependencies dependencies(String name, Version version) {
        return packages.get(name).get(version);
    }
}
