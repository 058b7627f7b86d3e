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
 * Compare the PubGrub resolver with the brute-force {@link FeatureOracle} on small random registries: both must
 * agree on solvability, and every solution must satisfy every rule with exactly the packages and features the
 * rules force. One run without features keeps the plain version algebra under test; one with features (optional
 * dependencies, dependencies asking for features with and without the default ones, entries of every form, some
 * naming what does not exist) covers feature unification.
 */
class ResolverPropertyTest {
    private static final String[] VERSIONS = {"1.0.0", "1.1.0", "1.2.0-beta.1", "2.0.0", "2.1.0", "3.0.0"};
    private static final String[] RANGES = {"^1.0.0", "^2.0.0", ">=1.1.0", "<2.0.0", "*", "1.0.0", "~1.1.0",
        ">=3.0.0", "^1.2.0-beta.1", "1.x || 3.x", "2.0.0 - 2.1.0", ">4.0.0"};
    private static final String[] FEATURES = {"default", "f", "g"};

    /** A random registry in memory. */
    private record Registry(Map<String, Map<Version, Dependencies>> packages, Dependencies root,
                            FeatureSelection selection) implements PackageSource {
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
        agree(new Random(Long.getLong("resolver.property.seed", 5L)), Integer.getInteger("resolver.property.rounds", 1500),
                false);
    }

    @Test
    void agreeWithBruteForceOnRandomRegistriesWithFeatures() {
        agree(new Random(Long.getLong("resolver.property.seed", 19L)),
                Integer.getInteger("resolver.property.rounds", 1000), true);
    }

    private static void agree(Random random, int rounds, boolean withFeatures) {
        int solvable = 0;
        int unsolvable = 0;
        int featured = 0;
        for (int round = 0; round < rounds; round++) {
            Registry registry = generate(random, withFeatures);
            RootRequirements root;
            try {
                root = RootRequirements.of("root", Version.of(1, 0, 0), registry.root(), Dependencies.NONE,
                        registry.selection(), Map.of());
            } catch (dev.hype.runtime.HypeException e) {
                assertThat(e.code()).isIn(FeatureSelection.UNKNOWN_FEATURE, FeatureSelection.INVALID_FEATURE);
                continue;
            }
            FeatureOracle oracle = new FeatureOracle(registry, "root", Version.of(1, 0, 0), registry.root(),
                    Dependencies.NONE, registry.selection());
            boolean expected = oracle.solvable();
            Resolution resolution = null;
            try {
                resolution = DependencyResolver.pubGrub().resolve(root, registry);
            } catch (ResolutionException e) {
                assertThat(e.explanation()).endsWith("version solving failed.");
            }
            final int current = round;
            assertThat(resolution != null).as(() -> "round " + current + " solvable: " + registry).isEqualTo(expected);
            if (resolution != null) {
                ResolverScenarioTest.assertAccepted(oracle, root, resolution);
                assertThat(resolution.installOrder()).containsExactlyInAnyOrderElementsOf(resolution.versions().keySet());
                solvable++;
                featured += resolution.features().isEmpty() ? 0 : 1;
            } else {
                unsolvable++;
            }
        }
        assertThat(solvable).isGreaterThan(rounds / 5);
        assertThat(unsolvable).isGreaterThan(rounds / 15);
        if (withFeatures) {
            assertThat(featured).isGreaterThan(rounds / 15);
        }
    }

    private static Registry generate(Random random, boolean withFeatures) {
        int count = 2 + random.nextInt(4);
        Map<String, Map<Version, Dependencies>> packages = new LinkedHashMap<>();
        for (int p = 0; p < count; p++) {
            Map<Version, Dependencies> versions = new LinkedHashMap<>();
            for (String v : VERSIONS) {
                if (random.nextInt(2) == 0) {
                    versions.put(Version.parse(v), withFeatures ? featured(random, count, 10) : plain(random, count));
                }
            }
            packages.put("p" + p, versions);
        }
        Dependencies root;
        FeatureSelection selection = FeatureSelection.DEFAULT;
        if (withFeatures) {
            root = featured(random, count, 0);
            List<String> enable = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                enable.add(random.nextBoolean() ? "f" : "g");
            }
            selection = FeatureSelection.of(enable, random.nextInt(4) != 0, random.nextInt(10) == 0);
        } else {
            Map<String, VersionSet> required = new HashMap<>();
            for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                required.put(name(random, count), range(random));
            }
            root = Dependencies.of(required);
        }
        return new Registry(packages, root, selection);
    }

    /** The old generator: required dependencies, and sometimes one optional one the default feature may enable. */
    private static Dependencies plain(Random random, int count) {
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

    /**
     * Dependencies with feature requests, optional dependencies, and features whose entries take every form; one
     * entry in {@code 1/invalid} names what the package lacks ({@code invalid} 0: never).
     */
    private static Dependencies featured(Random random, int count, int invalid) {
        Map<String, VersionSet> required = new HashMap<>();
        Map<String, VersionSet> optional = new HashMap<>();
        Map<String, FeatureRequest> requests = new HashMap<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            String dep = name(random, count);
            (random.nextInt(2) == 0 ? optional : required).put(dep, range(random));
            if (random.nextInt(2) == 0) {
                List<String> asked = new ArrayList<>();
                if (random.nextInt(3) != 0) {
                    asked.add(FEATURES[1 + random.nextInt(2)]);
                }
                requests.put(dep, FeatureRequest.of(asked, random.nextInt(3) != 0));
            }
        }
        optional.keySet().removeAll(required.keySet());
        List<String> declared = new ArrayList<>();
        for (String feature : FEATURES) {
            if (random.nextInt(3) != 0) {
                declared.add(feature);
            }
        }
        List<String> deps = new ArrayList<>(required.keySet());
        deps.addAll(optional.keySet());
        List<String> optionals = new ArrayList<>(optional.keySet());
        Map<String, List<String>> features = new HashMap<>();
        for (String feature : declared) {
            List<String> entries = new ArrayList<>();
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                String entry = invalid > 0 && random.nextInt(invalid) == 0 ? "ghost/" + FEATURES[random.nextInt(3)]
                        : entry(random, declared, deps, optionals);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            features.put(feature, entries);
        }
        return new Dependencies(required, optional, features, requests);
    }

    /** Return a valid entry of one of the five forms, or null when the package has nothing it could name. */
    private static String entry(Random random, List<String> features, List<String> deps, List<String> optionals) {
        String feature = FEATURES[random.nextInt(FEATURES.length)];
        return switch (random.nextInt(5)) {
            case 0 -> features.get(random.nextInt(features.size()));
            case 1 -> optionals.isEmpty() ? null : optionals.get(random.nextInt(optionals.size()));
            case 2 -> optionals.isEmpty() ? null : "dep:" + optionals.get(random.nextInt(optionals.size()));
            case 3 -> optionals.isEmpty() ? null : optionals.get(random.nextInt(optionals.size())) + "?/" + feature;
            default -> deps.isEmpty() ? null : deps.get(random.nextInt(deps.size())) + "/" + feature;
        };
    }

    private static String name(Random random, int count) {
        return random.nextInt(20) == 0 ? "missing" : "p" + random.nextInt(count);
    }

    private static VersionSet range(Random random) {
        return Range.parse(RANGES[random.nextInt(RANGES.length)]).toVersionSet();
    }
}
