package dev.hype.pm.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compare the PubGrub resolver with a brute-force search over every assignment of small random registries:
 * both must agree on solvability, and every solution must satisfy every constraint.
 */
class ResolverPropertyTest {
    private static final String[] VERSIONS = {"1.0.0", "1.1.0", "1.2.0-beta.1", "2.0.0", "2.1.0", "3.0.0"};
    private static final String[] RANGES = {"^1.0.0", "^2.0.0", ">=1.1.0", "<2.0.0", "*", "1.0.0", "~1.1.0",
        ">=3.0.0", "^1.2.0-beta.1", "1.x || 3.x", "2.0.0 - 2.1.0", ">4.0.0"};

    /** A random registry in memory. */
    private record Registry(Map<String, Map<Version, Dependencies>> packages, Map<String, VersionSet> root)
            implements PackageSource {
        @Override
        public Optional<List<Version>> versions(String name) {
            Map<Version, Dependencies> v = packages.get(name);
            return v == null ? Optional.empty() : Optional.of(List.copyOf(v.keySet()));
        }

        @Override
        public Dependencies dependencies(String name, Version version) {
            return packages.get(name).get(version);
        }
    }

    @Test
    void agreeWithBruteForceOnRandomRegistries() {
        Random random = new Random(Long.getLong("resolver.property.seed", 5L));
        int rounds = Integer.getInteger("resolver.property.rounds", 1500);
        int solvable = 0;
        int unsolvable = 0;
        for (int round = 0; round < rounds; round++) {
            Registry registry = generate(random);
            RootRequirements root = RootRequirements.of("root", Version.of(1, 0, 0), registry.root());
            boolean expected = bruteForce(registry);
            Resolution resolution = null;
            try {
                resolution = DependencyResolver.pubGrub().resolve(root, registry);
            } catch (ResolutionException e) {
                assertThat(e.explanation()).endsWith("version solving failed.");
            }
            assertThat(resolution != null).as("round %d solvable: %s", round, registry).isEqualTo(expected);
            if (resolution != null) {
                assertSatisfies(registry, resolution);
                solvable++;
            } else {
                unsolvable++;
            }
        }
        assertThat(solvable).isGreaterThan(rounds / 5);
        assertThat(unsolvable).isGreaterThan(rounds / 15);
    }

    private static void assertSatisfies(Registry registry, Resolution resolution) {
        Map<String, Version> chosen = resolution.versions();
        registry.root().forEach((dep, set) -> assertThat(chosen.get(dep)).isNotNull().matches(set::contains));
        chosen.forEach((pkg, version) -> {
            assertThat(registry.packages().get(pkg)).containsKey(version);
            registry.dependencies(pkg, version).effective(List.of(), true).forEach((dep, set) ->
                    assertThat(chosen.get(dep)).as("%s %s needs %s %s", pkg, version, dep, set)
                            .isNotNull().matches(set::contains));
        });
        assertThat(resolution.installOrder()).containsExactlyInAnyOrderElementsOf(chosen.keySet());
    }

    private static Registry generate(Random random) {
        int count = 2 + random.nextInt(4);
        Map<String, Map<Version, Dependencies>> packages = new LinkedHashMap<>();
        for (int p = 0; p < count; p++) {
            Map<Version, Dependencies> versions = new LinkedHashMap<>();
            for (String v : VERSIONS) {
                if (random.nextInt(2) == 0) {
                    versions.put(Version.parse(v), dependencies(random, count));
                }
            }
            packages.put("p" + p, versions);
        }
        Map<String, VersionSet> root = new HashMap<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            root.put(name(random, count), range(random));
        }
        return new Registry(packages, root);
    }

    private static Dependencies dependencies(Random random, int count) {
        Map<String, VersionSet> required = new HashMap<>();
        Map<String, VersionSet> optional = new HashMap<>();
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            required.put(name(random, count), range(random));
        }
        Map<String, List<String>> features = new HashMap<>();
        if (random.nextInt(4) == 0) {
            String dep = name(random, count);
            optional.put(dep, range(random));
            features.put(random.nextBoolean() ? "default" : "extra", List.of(dep));
        }
        return new Dependencies(required, optional, features);
    }

    private static String name(Random random, int count) {
        return random.nextInt(20) == 0 ? "missing" : "p" + random.nextInt(count);
    }

    private static VersionSet range(Random random) {
        return Range.parse(RANGES[random.nextInt(RANGES.length)]).toVersionSet();
    }

    /** Try every combination of one version (or none) per package. */
    private static boolean bruteForce(Registry registry) {
        List<String> names = new ArrayList<>(registry.packages().keySet());
        return search(registry, names, 0, new HashMap<>());
    }

    private static boolean search(Registry registry, List<String> names, int i, Map<String, Version> chosen) {
        if (i == names.size()) {
            return valid(registry, chosen);
        }
        String name = names.get(i);
        if (search(registry, names, i + 1, chosen)) {
            return true;
        }
        for (Version v : registry.packages().get(name).keySet()) {
            chosen.put(name, v);
            if (search(registry, names, i + 1, chosen)) {
                return true;
            }
            chosen.remove(name);
        }
        return false;
    }

    private static boolean valid(Registry registry, Map<String, Version> chosen) {
        for (var e : registry.root().entrySet()) {
            Version v = chosen.get(e.getKey());
            if (v == null || !e.getValue().contains(v)) {
                return false;
            }
        }
        for (var c : chosen.entrySet()) {
            for (var d : registry.dependencies(c.getKey(), c.getValue()).effective(List.of(), true).entrySet()) {
                Version v = chosen.get(d.getKey());
                if (v == null || !d.getValue().contains(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
