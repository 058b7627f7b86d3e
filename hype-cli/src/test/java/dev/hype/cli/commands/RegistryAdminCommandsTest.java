package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish's tag rules, dist-tag, deprecate, unpublish, outdated, why and ci against a real registry. */
class RegistryAdminCommandsTest {
    @TempDir
    Path temp;

    private RegistryProject project;

    @BeforeEach
    void start() throws Exception {
        project = RegistryProject.start(temp);
    }

    @AfterEach
    void stop() {
        project.close();
    }

    /** Publish {@code lib@version} without --force, so npm's checks on the version apply. */
    private CliRun publish(String version, String... extra) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("lib-" + version));
        Files.writeString(dir.resolve("hype.json"), """
                {"name": "lib", "version": "%s", "main": "index.lua"}
                """.formatted(version));
        Files.writeString(dir.resolve("index.lua"), "return '" + version + "'\n");
        String[] args = new String[7 + extra.length];
        System.arraycopy(new String[] {"pkg", "publish", "-C", dir.toString(), "--registry",
            project.registry().url(), "--token=" + project.registry().token()}, 0, args, 0, 7);
        System.arraycopy(extra, 0, args, 7, extra.length);
        return CliRun.of(args);
    }

    private CliRun admin(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "pkg";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--registry";
        all[args.length + 2] = project.registry().url();
        all[args.length + 3] = "--token=" + project.registry().token();
        return CliRun.of(all);
    }

    private String tags() {
        return CliRun.of("pkg", "dist-tag", "ls", "lib", "--registry", project.registry().url()).out();
    }

    @Test
    void publishMovesLatestOnlyForAHigherReleaseUnlessATagIsGiven() throws Exception {
        assertThat(publish("1.0.0").status()).isZero();
        assertThat(publish("2.0.0").status()).isZero();

        CliRun backport = publish("1.0.1");
        assertThat(backport.status()).isEqualTo(1);
        assertThat(backport.err()).contains("cannot point 'latest' at lib@1.0.1: the published 2.0.0 is higher")
                .contains("--tag").doesNotContain("bug in hype");
        CliRun tagged = publish("1.0.1", "--tag", "v1-latest");
        assertThat(tagged.status()).as(tagged.err()).isZero();
        assertThat(tagged.out()).isEqualTo("+ lib@1.0.1 (tag v1-latest)\n");

        CliRun beta = publish("3.0.0-beta.1");
        assertThat(beta.status()).isEqualTo(1);
        assertThat(beta.err()).contains("a prerelease (lib@3.0.0-beta.1) needs a tag given with --tag");
        assertThat(publish("3.0.0-beta.1", "--tag", "next").status()).isZero();
        assertThat(tags()).isEqualTo("latest: 2.0.0\nv1-latest: 1.0.1\nnext: 3.0.0-beta.1\n");

        CliRun explicit = publish("3.0.0-beta.2", "--tag", "latest");
        assertThat(explicit.status()).as(explicit.err()).isZero();
        assertThat(tags()).startsWith("latest: 3.0.0-beta.2\n");
    }

    @Test
    void updateLatestNeverMovesBack() throws Exception {
        publish("1.0.0");
        publish("2.0.0");
        project.manifest("{\"lib\": \"^2.0.0\"}");
        assertThat(project.pkg("install").status()).isZero();
        assertThat(admin("dist-tag", "add", "lib@1.0.0", "latest").status()).isZero();

        CliRun update = project.pkg("update", "--latest");
        assertThat(update.status()).as(update.err()).isZero();
        assertThat(update.out()).contains("lib stays: its 'latest' tag names 1.0.0, older than the version installed")
                .contains("nothing to update");
        assertThat(project.app.resolve("hype.json")).content().contains("\"lib\": \"^2.0.0\"");
        assertThat(project.app.resolve("hype-lock.json")).content().contains("\"version\": \"2.0.0\"");
    }

    @Test
    void distTagsAreListedAddedAndRemoved() throws Exception {
        publish("1.0.0");
        publish("2.0.0-rc.1", "--tag", "next");

        CliRun add = admin("dist-tag", "add", "lib@1.0.0", "stable");
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("+stable: lib@1.0.0\n");
        assertThat(tags()).contains("stable: 1.0.0");
        assertThat(admin("dist-tag", "ls", "lib", "--json").out()).contains("\"next\" : \"2.0.0-rc.1\"");

        CliRun rm = admin("dist-tag", "rm", "lib", "stable");
        assertThat(rm.out()).isEqualTo("-stable: lib@1.0.0\n");
        assertThat(admin("dist-tag", "rm", "lib", "latest").err()).contains("'latest' dist-tag cannot be removed");
        assertThat(admin("dist-tag", "add", "lib@1.0.0", "1.x").err()).contains("'1.x' cannot be a dist-tag");
        assertThat(admin("dist-tag", "add", "lib@9.9.9", "later").err()).contains("9.9.9").contains("HTTP 400");
    }

    @Test
    void deprecatedVersionsShowInInfoAndDoNotHoldLatestBack() throws Exception {
        publish("1.0.0");
        publish("2.0.0");
        CliRun deprecate = admin("deprecate", "lib@>=2", "broken, use 1.x");
        assertThat(deprecate.status()).as(deprecate.err()).isZero();
        assertThat(deprecate.out()).isEqualTo("deprecated lib 2.0.0\n");
        assertThat(CliRun.of("pkg", "info", "lib", "--registry", project.registry().url()).out())
                .startsWith("lib@2.0.0").contains("deprecated: broken, use 1.x");
        assertThat(admin("deprecate", "lib@>=9", "x").err()).contains("no published version of lib matches >=9");

        CliRun fix = publish("1.5.0");
        assertThat(fix.status()).as(fix.err()).isZero();
        assertThat(tags()).isEqualTo("latest: 1.5.0\n");
        assertThat(admin("deprecate", "lib@2.0.0", "").out()).isEqualTo("undeprecated lib 2.0.0\n");
        assertThat(CliRun.of("pkg", "info", "lib@latest", "--registry", project.registry().url()).out())
                .doesNotContain("deprecated:");
    }

    @Test
    void unpublishRemovesAVersionAndTheWholePackageOnlyWithForce() throws Exception {
        publish("1.0.0");
        publish("1.1.0");
        CliRun one = admin("unpublish", "lib@1.1.0");
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(one.out()).isEqualTo("- lib@1.1.0\n");
        assertThat(tags()).isEqualTo("latest: 1.0.0\n");
        assertThat(publish("1.1.0").err()).contains("1.1.0");

        CliRun last = admin("unpublish", "lib@1.0.0");
        assertThat(last.status()).isEqualTo(1);
        assertThat(last.err()).contains("the last version of lib").contains("--force");
        assertThat(admin("unpublish", "lib").err()).contains("refusing to unpublish every version of lib");
        CliRun all = admin("unpublish", "lib", "--force");
        assertThat(all.status()).as(all.err()).isZero();
        assertThat(CliRun.of("pkg", "info", "lib", "--registry", project.registry().url()).err())
                .contains("not found");
    }

    @Test
    void aPrivatePackageIsNeverPublished() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("secret"));
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"secret\", \"version\": \"1.0.0\", \"private\": true}");
        CliRun run = CliRun.of("pkg", "publish", "-C", dir.toString(), "--registry", project.registry().url(),
                "--token", project.registry().token());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("secret is marked private in hype.json").contains("remove \"private\": true");
        assertThat(CliRun.of("pkg", "info", "secret", "--registry", project.registry().url()).status()).isEqualTo(1);
    }

    @Test
    void outdatedWhyAndCiWorkOnTheProject() throws Exception {
        project.publish("json", "1.0.0", "{\"lpeg\": \"^1.0.0\"}");
        project.publish("lpeg", "1.0.0", "{}");
        project.manifest("{\"json\": \"^1.0.0\"}");
        assertThat(project.pkg("install").status()).isZero();
        CliRun current = project.pkg("outdated");
        assertThat(current.status()).as(current.err()).isZero();
        assertThat(current.out()).isEmpty();
        project.publish("json", "2.0.0", "{\"lpeg\": \"^1.0.0\"}");

        CliRun outdated = project.pkg("outdated");
        assertThat(outdated.status()).isEqualTo(1);
        assertThat(outdated.out()).contains("Package  Current  Wanted  Latest").contains("json     1.0.0    1.0.0   2.0.0");
        assertThat(project.pkg("outdated", "--json").out()).contains("\"latest\" : \"2.0.0\"");

        CliRun why = project.local("why", "lpeg");
        assertThat(why.out()).isEqualTo("app@0.1.0 > json@1.0.0 > lpeg@1.0.0\n");
        assertThat(project.local("why", "nothing").err()).contains("nothing is not installed");

        Files.delete(project.app.resolve("hype_modules/lpeg/index.lua"));
        CliRun ci = project.pkg("ci");
        assertThat(ci.status()).as(ci.err()).isZero();
        assertThat(ci.out()).contains("~ json").contains("~ lpeg");
        assertThat(project.app.resolve("hype_modules/lpeg/index.lua")).exists();

        project.manifest("{\"json\": \"^2.0.0\"}");
        CliRun mismatch = project.pkg("ci");
        assertThat(mismatch.status()).isEqualTo(1);
        assertThat(mismatch.err()).contains("does not match hype.json").contains("json is locked at 1.0.0");
    }
}
