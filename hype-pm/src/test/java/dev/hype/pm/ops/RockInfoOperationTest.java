package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.registry.SearchHit;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockFolder;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.server.RockRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hype pkg info rocks:NAME[@CONSTRAINT]} and {@code hype pkg search rocks:TEXT} against a folder server. */
class RockInfoOperationTest {
    private static final String MANIFEST = """
            repository = {
               penlight = { ["1.13.1-1"] = { { arch = "rockspec" }, { arch = "src" } },
                            ["1.14.0-3"] = { { arch = "rockspec" }, { arch = "src" }, { arch = "all" } } },
               pencil = { ["0.1-1"] = { { arch = "linux-x86_64" } } },
               penguin = { ["2.0-1"] = { { arch = "rockspec" }, { arch = "src" } } },
            }
            """;

    @TempDir
    Path temp;

    private RockFolder folder;
    private RockRepository rocks;

    @BeforeEach
    void server() {
        folder = new RockFolder(temp.resolve("rocks"), MANIFEST)
                .rockspec("penlight", "1.13.1-1", "penlight", "description = { summary = 'Old utilities' }\n")
                .rockspec("penlight", "1.14.0-3", "penlight", "description = { summary = '  Lua utilities  ' }\n"
                        + "dependencies = { 'lua >= 5.1', 'luafilesystem' }\n")
                .rockspec("penguin", "2.0-1", "penguin", "description = { summary = 'Birds' }\n");
        rocks = folder.repository();
    }

    @AfterEach
    void close() {
        rocks.close();
    }

    @Test
    void infoDescribesTheNewestVersionOrTheNewestMatchingOne() {
        RockInfoResult newest = RockInfoOperation.info("rocks:penlight", rocks);

        assertThat(newest.name()).isEqualTo("rocks:penlight");
        assertThat(newest.versions()).extracting(RockVersion::text).containsExactly("1.13.1-1", "1.14.0-3");
        assertThat(newest.selector()).isNull();
        assertThat(newest.matching()).isNull();
        assertThat(newest.shown().text()).isEqualTo("1.14.0-3");
        assertThat(newest.rockspec().dependencies()).containsExactly("lua >= 5.1", "luafilesystem");
        assertThat(newest.arches()).containsExactlyInAnyOrder("rockspec", "src", "all");
        assertThat(newest.server()).isEqualTo(folder.folder().toUri());

        RockInfoResult older = RockInfoOperation.info("rocks:penlight@< 1.14", rocks);
        assertThat(older.selector()).isEqualTo("< 1.14");
        assertThat(older.matching()).extracting(RockVersion::text).containsExactly("1.13.1-1");
        assertThat(older.rockspec().description("summary")).isEqualTo("Old utilities");
    }

    @Test
    void aConstraintNoVersionMeetsListsTheVersionsAndShowsNone() {
        RockInfoResult none = RockInfoOperation.info("rocks:penlight@>= 2", rocks);

        assertThat(none.matching()).isEmpty();
        assertThat(none.shown()).isNull();
        assertThat(none.rockspec()).isNull();
        assertThat(none.versions()).hasSize(2);
    }

    @Test
    void aBadNameOrAnUnknownRockIsExplained() {
        assertThatThrownBy(() -> RockInfoOperation.info("rocks:Bad Name", rocks)).isInstanceOfSatisfying(
                RockException.class, e -> {
                    assertThat(e.code()).isEqualTo(RockException.E_ROCK_NAME);
                    assertThat(e.getMessage()).startsWith("'rocks:Bad Name' is not rocks:NAME[@CONSTRAINT]: ");
                });
        assertThatThrownBy(() -> RockInfoOperation.info("rocks:nothing", rocks)).isInstanceOfSatisfying(
                RockException.class, e -> {
                    assertThat(e.code()).isEqualTo(RockException.E_ROCK_SERVER);
                    assertThat(e.getMessage()).isEqualTo("no configured LuaRocks server has rocks:nothing ("
                            + folder.folder().toUri() + ")");
                    assertThat(e.hints()).containsExactly("'hype pkg search rocks:nothing' looks for similar names");
                });
    }

    @Test
    void searchListsInstallableRocksWithTheirNewestSummaryUpToTheLimit() {
        SearchResult all = RockInfoOperation.search("pen", 10, rocks);

        assertThat(all.registry()).isEqualTo(folder.folder().toUri());
        assertThat(all.hits()).as("pencil has only a binary for one platform").containsExactly(
                new SearchHit("rocks:penguin", "2.0-1", "Birds", List.of()),
                new SearchHit("rocks:penlight", "1.14.0-3", "Lua utilities", List.of()));
        assertThat(RockInfoOperation.search("pen", 1, rocks).hits()).extracting(SearchHit::name)
                .containsExactly("rocks:penguin");
    }
}
