package dev.hype.pm.rocks.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockFolder;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a rock repository makes of servers whose files do not match their manifests: rocks published only as
 * binaries for a platform, listed files the server does not serve, rockspecs found only inside the rock or naming
 * another rock; and searching, Lua's own version and dependencies as the resolver sees them.
 */
class RockRepositoryTest {
    private static final String MANIFEST = """
            repository = {
               binonly = { ["1.0-1"] = { { arch = "linux-x86_64" }, { arch = "macosx-aarch64" } } },
               ghost = { ["1.0-1"] = { { arch = "src" } } },
               inner = { ["1.0-1"] = { { arch = "src" } } },
               liar = { ["1.0-1"] = { { arch = "rockspec" }, { arch = "src" } } },
               nospec = { ["1.0-1"] = { { arch = "src" } } },
               broken = { ["1.0-1"] = { { arch = "src" } } },
               needy = { ["2.0-1"] = { { arch = "rockspec" }, { arch = "src" } } },
               oldlua = { ["1.0-1"] = { { arch = "rockspec" }, { arch = "src" } } },
               dep = { ["1.0-1"] = { { arch = "src" } }, ["1.5-1"] = { { arch = "src" } }, ["scm-1"] = { { arch = "rockspec" } } },
            }
            """;

    @TempDir
    Path temp;

    private Path folder;
    private RockRepository repository;

    @BeforeEach
    void server() {
        RockFolder rocks = new RockFolder(temp.resolve("server"), MANIFEST)
                .file("inner-1.0-1.src.rock", RockFolder.zip("inner-1.0-1.rockspec", RockFolder.spec("inner", "1.0-1", "")))
                .rockspec("liar", "1.0-1", "other", "")
                .file("nospec-1.0-1.src.rock", RockFolder.zip("README", "no rockspec here"))
                .file("broken-1.0-1.src.rock", "this is not a zip".getBytes(StandardCharsets.UTF_8))
                .rockspec("needy", "2.0-1", "needy", "dependencies = { \"lua >= 5.1\", \"dep\", \"needy\" }\n")
                .rockspec("oldlua", "1.0-1", "oldlua", "dependencies = { \"lua < 5.4\" }\n");
        folder = rocks.folder();
        repository = rocks.repository();
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private static RockException rockError(ThrowingCallable action) {
        RockException e = catchThrowableOfType(RockException.class, action);
        assertThat(e).as("the RockException thrown").isNotNull();
        return e;
    }

    @Test
    void aRockPublishedOnlyAsBinariesIsListedButNotInstallable() {
        assertThat(repository.listing("binonly", "1.0-1")).isPresent();
        assertThat(repository.installable("binonly")).isEmpty();

        RockException e = rockError(() -> repository.archive("binonly", "1.0-1"));

        assertThat(e.code()).isEqualTo(RockException.E_ROCK_SERVER);
        assertThat(e.getMessage()).isEqualTo("rocks:binonly@1.0-1 is published on " + folder.toUri() + " only as"
                + " linux-x86_64, macosx-aarch64; Hype installs .all.rock and .src.rock files");
        assertThat(e.hints()).containsExactly("pick a version published as a source rock ('hype pkg info rocks:binonly')");
    }

    @Test
    void aListedRockTheServerDoesNotServeIsBlamedOnTheManifest() {
        RockException e = rockError(() -> repository.archive("ghost", "1.0-1"));

        assertThat(e.getMessage()).isEqualTo(folder.toUri() + " lists ghost-1.0-1.src.rock in its manifest but does"
                + " not serve it");
        assertThat(e.hints()).containsExactly("the server's manifest is out of date");
    }

    @Test
    void aRockspecTheServerDoesNotServeIsReadFromInsideTheRock() {
        assertThat(repository.rockspec("inner", "1.0-1").name()).isEqualTo("inner");
        assertThat(repository.rockspec("inner", "1.0-1")).as("read once").isSameAs(repository.rockspec("inner",
                "1.0-1"));

        RockException missing = rockError(() -> repository.rockspec("nospec", "1.0-1"));
        assertThat(missing.code()).isEqualTo(RockException.E_ROCK_ARCHIVE);
        assertThat(missing.getMessage()).isEqualTo("nospec-1.0-1.src.rock does not hold nospec-1.0-1.rockspec");

        RockException corrupt = rockError(() -> repository.rockspec("broken", "1.0-1"));
        assertThat(corrupt.code()).isEqualTo(RockException.E_ROCK_ARCHIVE);
        assertThat(corrupt.getMessage()).contains("broken-1.0-1.src.rock");
    }

    @Test
    void aRockspecNamingAnotherRockIsRefused() {
        RockException e = rockError(() -> repository.rockspec("liar", "1.0-1"));

        assertThat(e.code()).isEqualTo(RockException.E_ROCK_ARCHIVE);
        assertThat(e.getMessage()).isEqualTo(folder.toUri() + "liar-1.0-1.rockspec says other 1.0-1, not liar 1.0-1");
    }

    @Test
    void aVersionNoServerListsIsNamedWithWhereToLook() {
        RockException e = rockError(() -> repository.rockspec("dep", "9.9-1"));

        assertThat(e.getMessage()).isEqualTo("no configured LuaRocks server lists rocks:dep@9.9-1");
        assertThat(e.hints()).containsExactly("'hype pkg info rocks:dep' lists the versions the servers have");
        assertThat(rockError(() -> repository.archive("nothere", "1.0-1")).getMessage())
                .isEqualTo("no configured LuaRocks server lists rocks:nothere@1.0-1");
    }

    @Test
    void searchMatchesPartOfTheNameIgnoringCase() {
        assertThat(repository.search("IN")).containsExactly("binonly", "inner");
        assertThat(repository.search("zzz")).isEmpty();
    }

    @Test
    void theResolverSeesLuaAsProvidedAndOnlyInstallableVersions() {
        RockSource source = new RockSource(repository);

        assertThat(source.versions("rocks:lua")).contains(List.of(RockVersion.parse("5.4-1").toVersion()));
        assertThat(source.dependencies("rocks:lua", RockVersion.parse("5.4-1").toVersion()))
                .isSameAs(Dependencies.NONE);
        assertThat(source.versions("rocks:dep")).as("scm-1 has only a rockspec").contains(List.of(
                RockVersion.parse("1.0-1").toVersion(), RockVersion.parse("1.5-1").toVersion()));
        assertThat(source.versions("rocks:binonly")).isEmpty();

        Dependencies needy = source.dependencies("rocks:needy", RockVersion.parse("2.0-1").toVersion());
        assertThat(needy.required()).as("Lua 5.4 satisfies lua >= 5.1; a rock needing itself is dropped")
                .containsOnlyKeys("rocks:dep");
        assertThat(needy.range("rocks:dep").contains(RockVersion.parse("1.5-1").toVersion())).isTrue();

        Dependencies old = source.dependencies("rocks:oldlua", RockVersion.parse("1.0-1").toVersion());
        assertThat(old.required()).containsOnlyKeys("rocks:lua");
        assertThat(old.range("rocks:lua").contains(RockVersion.parse("5.4-1").toVersion())).isFalse();
        assertThat(old.range("rocks:lua").toString()).contains("(Hype runs Lua 5.4)");
    }

    @Test
    void theFetcherRefusesUrlsThatNameNoRockAndRocksNoLongerServed() {
        RockFetcher fetcher = new RockFetcher(repository);
        Integrity any = Integrity.sha512("x".getBytes(StandardCharsets.UTF_8));
        PackageRef noFile = new PackageRef("rocks:dep", RockVersion.parse("1.0-1").toVersion(), any, folder.toUri());
        PackageRef gone = new PackageRef("rocks:dep", RockVersion.parse("1.0-1").toVersion(), any,
                folder.resolve("dep-1.0-1.src.rock").toUri());

        assertThatThrownBy(() -> fetcher.fetch(noFile)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.code()).isEqualTo(StoreException.E_FETCH);
            assertThat(e.getMessage()).isEqualTo("cannot fetch rocks:dep@1.0-1: " + folder.toUri()
                    + " does not name a rock file");
        });
        assertThatThrownBy(() -> fetcher.fetch(gone)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("cannot fetch rocks:dep@1.0-1: " + gone.tarball()
                    + " is not there any more");
            assertThat(e.hints()).anyMatch(h -> h.contains("'hype pkg update rocks:dep'"));
        });
    }

    @Test
    void aRockFileNamedWithAPathIsNotServedFromAFolder() {
        RockServer server = repository.server(folder.toUri());

        assertThat(server.file("sub/inner-1.0-1.src.rock")).isEmpty();
        assertThat(server.file(".hidden")).isEmpty();
        assertThat(server.allManifest().rocks()).containsKey("inner");
        assertThat(server.toString()).isEqualTo(folder.toUri().toString());
    }
}
