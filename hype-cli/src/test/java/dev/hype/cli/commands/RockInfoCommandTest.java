package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.cli.CliRun;
import dev.hype.pm.rocks.LuaRocksServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hype pkg info rocks:NAME} and {@code hype pkg search rocks:TEXT} in-process, against a LuaRocks server folder
 * made with LuaRocks' own tools and read through a {@code file:} URL: the text and JSON forms, a constraint no version
 * meets, C modules and build types Hype does not run.
 */
class RockInfoCommandTest {
    @TempDir
    static Path shared;

    private static String server;

    @TempDir
    Path temp;

    @BeforeAll
    static void publish() {
        LuaRocksServer rocks = LuaRocksServer.create(shared);
        rocks.rock("strings", "1.2-1").module("strings", "strings.lua", "return {}\n").dependency("lua >= 5.1")
                .publish();
        rocks.rock("strings", "1.3-1").module("strings", "strings.lua", "return {}\n").publish();
        rocks.rock("calc", "1.0-1").file("calc.c", "int luaopen_calc(void *L) { return 0; }\n")
                .cModule("calc", "{ \"calc.c\" }").dependency("lua >= 5.1").publish();
        rocks.rock("maker", "2.0-1").file("Makefile", "all:\n").build("{ type = \"make\" }")
                .extra("description.homepage = \"https://example.org/maker\"").publish();
        rocks.manifest();
        server = rocks.folder().toUri().toString();
    }

    @BeforeEach
    void home() throws Exception {
        System.setProperty(HypeHome.TEST_HOME_PROPERTY, Files.createDirectories(temp.resolve("home")).toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(HypeHome.TEST_HOME_PROPERTY);
    }

    private static CliRun pkg(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "pkg";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--rocks-server";
        all[args.length + 2] = server;
        return CliRun.of(all);
    }

    @Test
    void infoShowsTheNewestVersionItsDependenciesBuildAndServer() {
        CliRun info = pkg("info", "rocks:strings");

        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).startsWith("rocks:strings@1.3-1 | MIT | versions: 2\nThe strings rock\n")
                .contains("\nversions: 1.2-1, 1.3-1\n")
                .contains("\ndependencies: none\n")
                .contains("\nbuild: builtin\n")
                .contains("forms: rockspec, src (Hype installs all, else src)\n")
                .contains("permissions: a rock declares none; it runs unrestricted unless hype.json's"
                        + " rockPermissions restricts it\n")
                .endsWith("server: " + server + "\n");
    }

    @Test
    void infoNamesCModulesAndBuildTypesHypeDoesNotRun() {
        CliRun calc = pkg("info", "rocks:calc");
        assertThat(calc.status()).as(calc.err()).isZero();
        assertThat(calc.out()).contains("build: builtin, C modules: calc (built at install; needs a C compiler and"
                + " Lua 5.4 headers)\n").contains("(C modules need native)")
                .contains("\ndependencies:\n  lua >= 5.1\n");

        CliRun maker = pkg("info", "rocks:maker");
        assertThat(maker.status()).as(maker.err()).isZero();
        assertThat(maker.out()).contains("build: make (Hype does not run this build type)\n")
                .contains("homepage: https://example.org/maker\n");
    }

    @Test
    void infoWithAConstraintListsTheMatchingVersionsAndFailsWhenNoneMatch() {
        CliRun matching = pkg("info", "rocks:strings@>= 1.0");
        assertThat(matching.status()).isZero();
        assertThat(matching.out()).isEqualTo("1.2-1\n1.3-1\n");

        CliRun none = pkg("info", "rocks:strings@>= 9.0");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("no version of rocks:strings satisfies >= 9.0; published: 1.2-1, 1.3-1\n");
    }

    @Test
    void infoAsJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CliRun info = pkg("info", "rocks:strings", "--json");
        assertThat(info.status()).as(info.err()).isZero();
        JsonNode root = json.readTree(info.out());
        assertThat(root.path("name").asText()).isEqualTo("rocks:strings");
        assertThat(root.path("version").asText()).isEqualTo("1.3-1");
        assertThat(root.path("versions").toString()).isEqualTo("[\"1.2-1\",\"1.3-1\"]");
        assertThat(root.path("description").asText()).isEqualTo("The strings rock");
        assertThat(root.path("license").asText()).isEqualTo("MIT");
        assertThat(root.path("forms").toString()).isEqualTo("[\"rockspec\",\"src\"]");
        assertThat(root.path("server").asText()).isEqualTo(server);

        JsonNode matching = json.readTree(pkg("info", "rocks:strings@>= 1.0", "--json").out());
        assertThat(matching.path("matching").toString()).isEqualTo("[\"1.2-1\",\"1.3-1\"]");

        CliRun none = pkg("info", "rocks:strings@>= 9.0", "--json");
        assertThat(none.status()).isEqualTo(1);
        JsonNode empty = json.readTree(none.out());
        assertThat(empty.path("version").isNull()).isTrue();
        assertThat(empty.has("description")).isFalse();
    }

    @Test
    void searchListsTheRocksWhoseNameMatches() throws Exception {
        CliRun search = pkg("search", "rocks:str");
        assertThat(search.status()).as(search.err()).isZero();
        assertThat(search.out()).contains("rocks:strings").doesNotContain("rocks:calc");

        CliRun json = pkg("search", "rocks:calc", "--json");
        assertThat(new ObjectMapper().readTree(json.out()).path(0).path("name").asText()).isEqualTo("rocks:calc");

        CliRun none = pkg("search", "rocks:zzz");
        assertThat(none.status()).isZero();
        assertThat(none.out()).startsWith("no packages match 'rocks:zzz' in ");
    }
}
