package dev.hype.pm.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstallOrderTest {

    /** A source where package {@code pN} depends on {@code pN+1}, and the last on nothing. */
    private static PackageSource chain(int length, boolean closeLoop) {
        return new PackageSource() {
            @Override
            public Optional<List<Version>> versions(String name) {
                return Optional.of(List.of(Version.of(1, 0, 0)));
            }

            @Override
            public Dependencies dependencies(String name, Version version) {
                int i = Integer.parseInt(name.substring(1));
                Map<String, VersionSet> deps = new HashMap<>();
                if (i + 1 < length) {
                    deps.put("p" + (i + 1), VersionSet.any());
                } else if (closeLoop) {
                    deps.put("p0", VersionSet.any());
                }
                return Dependencies.of(deps);
            }
        };
    }

    @Test
    void orderDeepChainsWithoutOverflowingTheStack() {
        Resolution r = DependencyResolver.pubGrub().resolve(
                RootRequirements.of("app", Version.of(1, 0, 0), Map.of("p0", Range.parse("*").toVersionSet())), chain(3000, false));
        assertThat(r.installOrder()).hasSize(3000);
        assertThat(r.installOrder().getFirst()).isEqualTo("p2999");
        assertThat(r.installOrder().getLast()).isEqualTo("p0");
        assertThat(r.cycles()).isEmpty();
    }

    @Test
    void reportOneCycleForALoop() {
        Resolution r = DependencyResolver.pubGrub().resolve(
                RootRequirements.of("app", Version.of(1, 0, 0), Map.of("p0", VersionSet.any())), chain(4, true));
        assertThat(r.cycles()).containsExactly(List.of("p0", "p1", "p2", "p3"));
        assertThat(r.installOrder()).containsExactly("p0", "p1", "p2", "p3");
        assertThat(r.dependencies().get("p3")).containsExactly("p0");
    }
}
