package dev.hype.runtime.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void anUnrestrictedApprovalMakesThePackageTrustedCode() {
        Realm realm = realms.realmOf(project.resolve("hype_modules/rocks:pl/lua/pl/path.lua"));
        assertThat(realm.packageName()).isEqualTo("rocks:pl");
        assertThat(realm.restricted()).isFalse();
        assertThat(realm.access().mayRun()).isTrue();
        assertThat(realm.access().mayRead(Path.of("/etc/hostname"))).isTrue();
    }
}
