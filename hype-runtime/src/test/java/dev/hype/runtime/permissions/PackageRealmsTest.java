package dev.hype.runtime.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRealmsTest {
    @TempDir
    Path temp;
    Path project;
    Realms realms;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(temp.toRealPath().resolve("project"));
        Files.writeString(project.resolve("hype-lock.json"), """
                {"packages": {
                  "a": {"version": "1.0.0", "permissions": {"env": ["A_*"]}},
                  "@s/b": {"version": "1.0.0", "permissions": {"process": true}},
                  "bad": {"version": "1.0.0", "permissions": {"process": "yes"}},
                  "rocks:pl": {"version": "1.0-1", "permissions": {"unrestricted": true}}}}""");
        realms = new PackageRealms(Access.UNRESTRICTED, new Anchors(project, project, project, project));
    }

    @Test
    void projectFilesAreTheProjectsRealm() {
        Realm realm = realms.realmOf(project.resolve("lib/x.lua"));
        assertThat(realm).isSameAs(realms.project());
        assertThat(realm.restricted()).isFalse();
        assertThat(realm.packageName()).isNull();
    }

    @Test
    void packageFilesGetTheApprovalFromTheLockfile() {
        Realm realm = realms.realmOf(project.resolve("hype_modules/a/lib/x.lua"));
        assertThat(realm.packageName()).isEqualTo("a");
        assertThat(realm.root()).isEqualTo(project.resolve("hype_modules/a"));
        assertThat(realm.restricted()).isTrue();
        assertThat(realm.access().mayReadEnv("A_TOKEN")).isTrue();
        assertThat(realm.access().mayRun()).isFalse();
        assertThat(realms.realmOf(project.resolve("hype_modules/a/init.lua"))).isSameAs(realm);
    }

    @Test
    void scopedPackagesAreNamedWithTheirScope() {
        Realm realm = realms.realmOf(project.resolve("hype_modules/@s/b/init.lua"));
        assertThat(realm.packageName()).isEqualTo("@s/b");
        assertThat(realm.access().mayRun()).isTrue();
    }

    @Test
    void singleFilePackageIsNamedWithoutItsExtension() {
        assertThat(realms.realmOf(project.resolve("hype_modules/a.lua")).packageName()).isEqualTo("a");
    }

    @Test
    void packageWithoutApprovalOrWithAMalformedOneGetsNothing() {
        Realm unlisted = realms.realmOf(project.resolve("hype_modules/c/init.lua"));
        assertThat(unlisted.restricted()).isTrue();
        assertThat(unlisted.access().mayRun()).isFalse();
        assertThat(realms.realmOf(project.resolve("hype_modules/bad/init.lua")).access().mayRun()).isFalse();
    }

    @Test
    void hypeModulesNestedInAPackageIsThatPackagesOwn() throws IOException {
        // A lockfile the package ships or writes approves nothing for the code nested in it.
        Files.createDirectories(project.resolve("hype_modules/a"));
        Files.writeString(project.resolve("hype_modules/a/hype-lock.json"),
                "{\"packages\": {\"dep\": {\"permissions\": {\"process\": true}}}}");
        Realm nested = realms.realmOf(project.resolve("hype_modules/a/hype_modules/dep/init.lua"));
        assertThat(nested.packageName()).isEqualTo("a");
        assertThat(nested).isSameAs(realms.realmOf(project.resolve("hype_modules/a/init.lua")));
        assertThat(nested.access().mayRun()).isFalse();
    }

    @Test
    void sandboxedProjectIsRestrictedToItsOwnSpec() {
        Realms sandboxed = Realms.sandboxed(PermissionSpec.NONE, project);
        assertThat(sandboxed.project().restricted()).isTrue();
        assertThat(sandboxed.project().access().mayRead(project.resolve("x"))).isFalse();
    }
    @Test
    void packagesOutsideTheProjectRootsHypeModulesGetNoApproval() throws IOException {
        // A lockfile above the project root, and one in a subfolder, approve nothing.
        Path above = project.getParent();
        Files.writeString(above.resolve("hype-lock.json"), "{\"packages\": {\"a\": {\"permissions\": {\"process\": true}}}}");
        Files.createDirectories(project.resolve("out"));
        Files.writeString(project.resolve("out/hype-lock.json"),
                "{\"packages\": {\"a\": {\"permissions\": {\"process\": true}}}}");
        for (Path file : List.of(above.resolve("hype_modules/a/init.lua"), project.resolve("out/hype_modules/a/init.lua"))) {
            Realm realm = realms.realmOf(file);
            assertThat(realm.packageName()).isEqualTo("a");
            assertThat(realm.restricted()).isTrue();
            assertThat(realm.access().mayRun()).isFalse();
            assertThat(realm.access().mayReadEnv("A_TOKEN")).isFalse();
            assertThat(realm.access().denied(Kind.RUN, "os.execute", "ls").getMessage())
                    .contains("only " + project.resolve("hype-lock.json") + " approves packages");
        }
        assertThat(realms.realmOf(project.resolve("hype_modules/a/init.lua")).access().mayReadEnv("A_TOKEN")).isTrue();
    }

    @Test
    void noWriteGrantCoversHypeModulesLockfilesManifestsConfigsOrHypeHome() throws IOException {
        Path home = Files.createDirectories(temp.toRealPath().resolve("hype-home"));
        Realms wide = Realms.sandboxed(new PermissionSpec(List.of(), List.of("/"), List.of(), List.of(), List.of(),
                false, List.of(), false), project, home);
        Access access = wide.project().access();
        assertThat(access.mayWrite(project.resolve("out.txt"))).isTrue();
        for (String path : List.of("hype_modules/a/init.lua", "hype_modules", "x/hype_modules/y", "HYPE_MODULES/a",
                "hype_modules.lock", "hype_modules.staging-1/a", "hype-lock.json", "sub/hype-lock.json", "hype.json",
                ".hyperc.json", "sub/HYPE.JSON", "node_modules/x.lua", "a/NODE_MODULES/b")) {
            assertThat(access.mayWrite(project.resolve(path))).as(path).isFalse();
        }
        assertThat(access.mayWrite(home.resolve("config.json"))).isFalse();
        assertThat(access.mayWrite(home.resolve("store/v1/x"))).isFalse();
        assertThat(access.mayRead(home.resolve("config.json"))).isTrue();
        // A link whose target is protected is protected too.
        Files.createSymbolicLink(project.resolve("link"), project.resolve("hype-lock.json"));
        assertThat(access.mayWrite(project.resolve("link"))).isFalse();
        assertThat(access.denied(Kind.WRITE, "io.open", project.resolve("hype.json").toString()).hint())
                .isEqualTo("no permission covers writing it: it is hype.json (docs/permissions.md, \"What is authoritative\")");
    }

    @Test
    void projectRootIsTheNearestManifestOutsideHypeModules() throws IOException {
        Files.writeString(project.resolve("hype.json"), "{}");
        Path bin = Files.createDirectories(project.resolve("hype_modules/tool/bin"));
        Files.writeString(project.resolve("hype_modules/tool/hype.json"), "{}");
        Files.createDirectories(project.resolve("src/deep"));
        assertThat(ProjectRoot.find(project.resolve("src/deep"))).isEqualTo(project);
        assertThat(ProjectRoot.find(bin)).isEqualTo(project);
        assertThat(ProjectRoot.ofScript(bin.resolve("tool.lua"))).isEqualTo(project);
        Path bare = Files.createDirectories(temp.toRealPath().resolve("bare/dir"));
        assertThat(ProjectRoot.find(bare)).isEqualTo(bare);
    }

    @Test
    void anUnrestrictedApprovalMakesThePackageTrustedCode() {
        Realm realm = realms.realmOf(project.resolve("hype_modules/rocks:pl/lua/pl/path.lua"));
        assertThat(realm.packageName()).isEqualTo("rocks:pl");
        assertThat(realm.restricted()).isFalse();
        assertThat(realm.access().mayRun()).isTrue();
        assertThat(realm.access().mayRead(Path.of("/etc/hostname"))).isTrue();
    }
}
