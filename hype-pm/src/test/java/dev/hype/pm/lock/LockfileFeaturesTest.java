package dev.hype.pm.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.resolve.FeatureRequest;
import dev.hype.pm.resolve.RootRequirements;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record features in the lockfile: each package's, with what enabled them, and what the project asked for. */
class LockfileFeaturesTest {
    private static final String SHA = "sha512-" + "A".repeat(86) + "==";

    private static Lockfile sample() {
        LockedPackage tls = new LockedPackage("tls", Version.parse("2.0.0"), "file:/r/tls-2.0.0.tgz", SHA, Map.of(),
                null, Map.of(), Map.of("default", List.of("app"), "openssl", List.of("web", "app"),
                        "fast", List.of("tls/default")));
        LockedPackage web = new LockedPackage("web", Version.parse("1.0.0"), "file:/r/web-1.0.0.tgz", SHA,
                Map.of("tls", Version.parse("2.0.0")), null, Map.of());
        return new Lockfile(Lockfile.VERSION, Map.of("tls", "^2.0.0", "web", "^1.0.0"), Map.of("tls", tls, "web", web),
                Map.of(), Map.of("tls", FeatureRequest.of(List.of("openssl"), true),
                        "web", FeatureRequest.of(List.of(), false)), List.of("json", "default"));
    }

    @Test
    void renderFeaturesAndTheProjectsRequests() {
        assertThat(LockfileWriter.render(sample())).isEqualTo("""
                {
                  "lockfileVersion": 1,
                  "packages": {
                    "tls": {
                      "dependencies": {},
                      "features": {
                        "default": [
                          "app"
                        ],
                        "fast": [
                          "tls/default"
                        ],
                        "openssl": [
                          "app",
                          "web"
                        ]
                      },
                      "integrity": "%1$s",
                      "resolved": "file:/r/tls-2.0.0.tgz",
                      "version": "2.0.0"
                    },
                    "web": {
                      "dependencies": {
                        "tls": "2.0.0"
                      },
                      "integrity": "%1$s",
                      "resolved": "file:/r/web-1.0.0.tgz",
                      "version": "1.0.0"
                    }
                  },
                  "root": {
                    "dependencies": {
                      "tls": {
                        "features": [
                          "openssl"
                        ],
                        "version": "^2.0.0"
                      },
                      "web": {
                        "default-features": false,
                        "version": "^1.0.0"
                      }
                    },
                    "features": [
                      "default",
                      "json"
                    ]
                  }
                }
                """.formatted(SHA));
        assertThat(LockfileReader.parse(LockfileWriter.render(sample()), "hype-lock.json")).isEqualTo(sample());
    }

    @Test
    void tellWhenTheProjectAsksForOtherFeatures() {
        Map<String, dev.hype.pm.semver.VersionSet> deps = Map.of("tls", Range.parse("^2.0.0").toVersionSet(),
                "web", Range.parse("^1.0.0").toVersionSet());
        Map<String, FeatureRequest> requests = Map.of("tls", FeatureRequest.of(List.of("openssl"), true),
                "web", FeatureRequest.of(List.of(), false));
        RootRequirements same = new RootRequirements("app", Version.parse("1.0.0"), deps, Map.of(), requests,
                List.of("default", "json"));
        assertThat(sample().mismatches(same)).isEmpty();

        RootRequirements otherRequest = new RootRequirements("app", Version.parse("1.0.0"), deps, Map.of(),
                Map.of("web", FeatureRequest.of(List.of(), false)), List.of("default", "json"));
        assertThat(sample().mismatches(otherRequest)).containsExactly("tls is locked with features [openssl] and the "
                + "default ones but is now asked for with the default features");

        RootRequirements otherFeatures = new RootRequirements("app", Version.parse("1.0.0"), deps, Map.of(), requests,
                List.of());
        assertThat(sample().mismatches(otherFeatures))
                .containsExactly("app is locked with features [default, json] but now enables []");

        Lockfile old = new Lockfile(1, sample().root(), sample().packages(), Map.of());
        assertThat(old.mismatches(same)).contains("the lockfile records no features (an older Hype wrote it)");
    }

    @Test
    void rejectMalformedFeatureRecords() {
        assertThatThrownBy(() -> LockfileReader.parse("{\"lockfileVersion\": 1, \"root\": {\"features\": \"all\"}}",
                "hype-lock.json")).hasMessage("hype-lock.json: root.features: expected an array of strings");
        assertThatThrownBy(() -> LockfileReader.parse("{\"lockfileVersion\": 1, \"root\": {\"dependencies\": "
                + "{\"a\": {\"version\": \"^1\", \"default-features\": \"no\"}}}}", "hype-lock.json"))
                .hasMessage("hype-lock.json: root.dependencies.a.default-features: expected true or false");
        assertThatThrownBy(() -> LockfileReader.parse("{\"lockfileVersion\": 1, \"packages\": {\"a\": {\"version\": "
                + "\"1.0.0\", \"resolved\": \"r\", \"integrity\": \"" + SHA + "\", \"features\": {\"x\": [1]}}}}",
                "hype-lock.json")).hasMessage("hype-lock.json: packages.a.features.x[0]: expected a string");
    }
}
