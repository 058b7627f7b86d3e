package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install packages that ask for permissions from the real registry: refused, approved, and approved again. */
class PermissionApprovalTest {
    private static final String NET = "{\"network\": {\"domains\": [\"api.example.com\"]}}";
    private static final String NET_AND_RUN = "{\"network\": {\"domains\": [\"api.example.com\"]}, \"process\": true}";
    private static final String REFUSED = """
            error: 1 package asks for permissions that are not approved:
              net-lib@1.0.0 (new)
                connect to: api.example.com (default ports)
            hint: rerun with --allow-permissions to approve them, or review them with 'hype pkg info <name>'
            """;

    @TempDir
    Path temp;

    private RegistryProject project;

    @BeforeEach
    void start() throws Exception {
        project = RegistryProject.start(temp);
        project.publishAsking("net-lib", "1.0.0", NET);
        project.publish("plain-lib", "1.0.0", "{}");
    }

    @AfterEach
    void stop() {
        project.close();
    }

    private JsonNode lockedPermissions(String name) throws IOException {
        return new ObjectMapper().readTree(project.app.resolve("hype-lock.json").toFile())
                .path("packages").path(name).path("permissions");
    }

    private String read(String path) throws IOException {
        return Files.readString(project.app.resolve(path));
    }

    @Test
    void installIsRefusedWithoutTheFlagAndChangesNothing() throws Exception {
        project.manifest("{\"net-lib\": \"^1.0.0\"}");
        String manifest = read("hype.json");

        CliRun install = project.pkg("install");

        assertThat(install.status()).isEqualTo(1);
        assertThat(install.err()).endsWith(REFUSED);
        assertThat(project.app.resolve("hype_modules")).doesNotExist();
        assertThat(project.app.resolve("hype-lock.json")).doesNotExist();
        assertThat(read("hype.json")).isEqualTo(manifest);
    }

    @Test
    void addingAPackageIsRefusedWithoutTheFlagAndLeavesHypeJsonAlone() throws Exception {
        project.manifest("{}");
        String manifest = read("hype.json");

        CliRun install = project.pkg("install", "net-lib");

        assertThat(install.status()).isEqualTo(1);
        assertThat(install.err()).endsWith(REFUSED);
        assertThat(read("hype.json")).isEqualTo(manifest);
        assertThat(project.app.resolve("hype_modules")).doesNotExist();
    }

    @Test
    void theFlagApprovesAndTheLockfileRecordsTheRequest() throws Exception {
        project.manifest("{}");

        CliRun install = project.pkg("install", "net-lib", "--allow-permissions");

        assertThat(install.status()).as(install.err()).isZero();
        assertThat(install.err()).contains("""
                1 package asks for permissions:
                  net-lib@1.0.0 (new)
                    connect to: api.example.com (default ports)
                approved with --allow-permissions
                """);
        assertThat(install.out()).contains("+ net-lib");
        assertThat(lockedPermissions("net-lib").toString()).isEqualTo("{\"network\":{\"domains\":[\"api.example.com\"]}}");
        assertThat(project.app.resolve("hype_modules/net-lib/index.lua")).exists();

        CliRun again = project.pkg("install");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(project.local("list").out()).isEqualTo("net-lib 1.0.0 (permissions: network)\n");
    }

    @Test
    void aPackageAskingNothingNeedsNoFlag() throws Exception {
        project.manifest("{\"plain-lib\": \"^1.0.0\"}");

        CliRun install = project.pkg("install");

        assertThat(install.status()).as(install.err()).isZero();
        assertThat(install.err()).doesNotContain("permissions");
        assertThat(lockedPermissions("plain-lib").toString()).isEqualTo("{}");
    }

    @Test
    void anUpdateThatAsksForMoreIsRefusedThenApproved() throws Exception {
        project.manifest("{\"net-lib\": \"^1.0.0\"}");
        assertThat(project.pkg("install", "--allow-permissions").status()).isZero();
        project.publishAsking("net-lib", "1.1.0", NET_AND_RUN);
        String lock = read("hype-lock.json");

        CliRun refused = project.pkg("update");

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("""
                error: 1 package asks for permissions that are not approved:
                  net-lib@1.1.0 (grew since the approved 1.0.0)
                    run programs
                hint: rerun with --allow-permissions""");
        assertThat(read("hype-lock.json")).isEqualTo(lock);
        assertThat(read("hype_modules/net-lib/hype.json")).contains("1.0.0");

        CliRun approved = project.pkg("update", "--allow-permissions");

        assertThat(approved.status()).as(approved.err()).isZero();
        assertThat(approved.out()).isEqualTo("net-lib 1.0.0 -> 1.1.0\n");
        assertThat(lockedPermissions("net-lib").path("process").asBoolean()).isTrue();
        assertThat(read("hype_modules/net-lib/hype.json")).contains("1.1.0");
    }

    @Test
    void onATerminalTheUserIsAskedOnce() throws Exception {
        project.manifest("{\"net-lib\": \"^1.0.0\"}");

        CliRun no = project.pkgOnTerminal("n\n", "install");

        assertThat(no.status()).isEqualTo(1);
        assertThat(no.err()).contains("  net-lib@1.0.0 (new)\n    connect to: api.example.com (default ports)\n"
                + "Approve these permissions? [y/N] error: 1 package asks for permissions that are not approved:");
        assertThat(project.app.resolve("hype-lock.json")).doesNotExist();

        CliRun yes = project.pkgOnTerminal("y\n", "install");

        assertThat(yes.status()).as(yes.err()).isZero();
        assertThat(yes.err()).containsOnlyOnce("Approve these permissions? [y/N]");
        assertThat(lockedPermissions("net-lib").path("network").path("domains").get(0).asText())
                .isEqualTo("api.example.com");
    }

    @Test
    void frozenRefusesAnApprovalTheLockfileLacks() throws Exception {
        project.manifest("{\"net-lib\": \"^1.0.0\"}");
        assertThat(project.pkg("install", "--allow-permissions").status()).isZero();
        ObjectMapper json = new ObjectMapper();
        var lock = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(project.app.resolve("hype-lock.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) lock.path("packages").path("net-lib")).remove("permissions");
        Files.writeString(project.app.resolve("hype-lock.json"), lock.toPrettyString());
        String text = read("hype-lock.json");

        CliRun frozen = project.pkg("install", "--frozen", "--allow-permissions");

        assertThat(frozen.status()).isEqualTo(1);
        assertThat(frozen.err()).contains("error: --frozen: 1 package asks for permissions hype-lock.json does not approve:\n"
                + "  net-lib@1.0.0 (new)\n").contains("hint: run 'hype pkg install' without --frozen to approve them");
        assertThat(read("hype-lock.json")).isEqualTo(text);

        CliRun check = project.local("check", "--store-dir", temp.resolve("store").toString());
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.out()).isEqualTo("permissions: net-lib: asks for permissions hype-lock.json does not approve "
                + "(connect to: api.example.com (default ports)); run 'hype pkg install' to review them\n1 problem found\n");
    }

    @Test
    void jsonOutputListsTheApprovals() throws Exception {
        project.manifest("{\"net-lib\": \"^1.0.0\", \"plain-lib\": \"^1.0.0\"}");

        CliRun install = project.pkg("install", "--json", "--allow-permissions");

        assertThat(install.status()).as(install.err()).isZero();
        JsonNode approved = new ObjectMapper().readTree(install.out()).path("approved");
        assertThat(approved.toString()).isEqualTo(
                "[{\"name\":\"net-lib\",\"version\":\"1.0.0\",\"permissions\":{\"network\":{\"domains\":[\"api.example.com\"]}}}]");
    }

    private CliRun info(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "pkg";
        all[1] = "info";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--registry";
        all[args.length + 3] = project.registry().url();
        return CliRun.of(all);
    }

    @Test
    void infoShowsWhatAVersionAsksFor() {
        CliRun info = info("net-lib");
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("\npermissions:\n  connect to: api.example.com (default ports)\n");
        assertThat(info("plain-lib").out()).contains("\npermissions: none\n");

        CliRun json = info("net-lib", "--json");
        assertThat(json.out()).contains("\"domains\" : [ \"api.example.com\" ]");
    }
}
