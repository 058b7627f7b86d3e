package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockFolder;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.runtime.permissions.PermissionSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code list --outdated} and {@code update --latest} make of rocks, and how {@code list} names permissions. */
class RockUpdatesTest {
    @TempDir
    Path temp;

    private RockRepository rocks() {
        return new RockFolder(temp.resolve("rocks"), """
                repository = {
                   lpeg = { ["1.0.2-1"] = { { arch = "src" } }, ["1.1.0-1"] = { { arch = "src" } } },
                   onlybin = { ["1.0-1"] = { { arch = "linux-x86_64" } } },
                }
                """).repository();
    }

    @Test
    void aRockNotLockedIsOutdatedWithWhatItsRangeWantsAndTheNewest() {
        try (RockRepository rocks = rocks()) {
            assertThat(RockUpdates.outdated(rocks, "rocks:lpeg", "~> 1.0.2", Lockfile.EMPTY)).hasValueSatisfying(row -> {
                assertThat(row.current()).isNull();
                assertThat(row.wanted()).hasToString("1.0.2-1");
                assertThat(row.latest()).hasToString("1.1.0-1");
            });
        }
    }

    @Test
    void updateLatestNeedsAServerThatHasTheRock() {
        assertThatThrownBy(() -> RockUpdates.latestRange(null, "rocks:lpeg")).isInstanceOfSatisfying(
                RockException.class, e -> assertThat(e.code()).isEqualTo(RockException.E_ROCK_SERVER))
                .hasMessage("no LuaRocks server is configured to update rocks:lpeg from");
        try (RockRepository rocks = rocks()) {
            assertThat(RockUpdates.latestRange(rocks, "rocks:lpeg")).isEqualTo("~> 1");
            assertThatThrownBy(() -> RockUpdates.latestRange(rocks, "rocks:onlybin"))
                    .hasMessage("no configured LuaRocks server has rocks:onlybin")
                    .satisfies(e -> assertThat(((RockException) e).hints())
                            .containsExactly("'hype pkg search onlybin' looks it up"));
        }
    }

    @Test
    void listNamesEachKindOfApprovedPermission() {
        PermissionSpec everything = new PermissionSpec(List.of("data/**"), List.of("out/**"), List.of(), List.of(443),
                List.of("HOME"), true, List.of("java.util.*"), true);

        assertThat(entry(everything).permissionKinds()).containsExactly("read", "write", "network", "env", "process",
                "java", "native");
        assertThat(entry(PermissionSpec.UNRESTRICTED).permissionKinds()).containsExactly("unrestricted");
        assertThat(entry(PermissionSpec.NONE).permissionKinds()).isEmpty();
        assertThat(entry(null).permissionKinds()).isEmpty();
    }

    private static ListResult.Entry entry(PermissionSpec permissions) {
        return new ListResult.Entry("a", dev.hype.pm.semver.Version.parse("1.0.0"), true, true, permissions);
    }
}
