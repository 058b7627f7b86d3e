package dev.hype.runtime.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantedAccessTest {
    private static final String APPROVE = "then approve it with 'hype pkg install --allow-permissions'";

    @TempDir
    Path temp;
    Path root;
    Path pkg;
    Anchors anchors;

    @BeforeEach
    void anchors() throws IOException {
        root = temp.toRealPath();
        pkg = Files.createDirectories(root.resolve("project/hype_modules/p"));
        anchors = new Anchors(pkg, root.resolve("project"), Files.createDirectories(root.resolve("home")),
                Files.createDirectories(root.resolve("tmp")));
    }

    private static PermissionSpec spec(List<String> read, List<String> write, List<String> domains, List<Integer> ports,
                                       List<String> env, boolean process, List<String> java, boolean nativeCode) {
        return new PermissionSpec(read, write, domains, ports, env, process, java, nativeCode);
    }

    private Access network(List<String> domains, List<Integer> ports) {
        return Access.of("p", spec(List.of(), List.of(), domains, ports, List.of(), false, List.of(), false), anchors);
    }

    @Test
    void packageReadsItsOwnFilesButDoesNotWriteThem() {
        Access access = Access.of("p", PermissionSpec.NONE, anchors);
        assertThat(access.mayRead(pkg.resolve("init.lua"))).isTrue();
        assertThat(access.mayWrite(pkg.resolve("init.lua"))).isFalse();
        assertThat(access.mayRead(root.resolve("project/secret.txt"))).isFalse();
        assertThat(access.unrestricted()).isFalse();
        assertThat(access.packageName()).isEqualTo("p");
    }

    @Test
    void projectHasNoImplicitReadOfItsBase() {
        Access access = Access.of(null, PermissionSpec.NONE, anchors);
        assertThat(access.mayRead(pkg.resolve("init.lua"))).isFalse();
    }

    @Test
    void writeGrantAlsoGrantsRead() {
        Access access = Access.of("p", spec(List.of(), List.of("$TMP/out"), List.of(), List.of(), List.of(), false,
                List.of(), false), anchors);
        assertThat(access.mayRead(anchors.tmp().resolve("out/f"))).isTrue();
        assertThat(access.mayWrite(anchors.tmp().resolve("out/f"))).isTrue();
        assertThat(access.mayWrite(anchors.tmp().resolve("other"))).isFalse();
    }

    @Test
    void pathsAreCheckedWhereTheyLead() throws IOException {
        Path secret = Files.writeString(root.resolve("secret.txt"), "s");
        Files.createSymbolicLink(pkg.resolve("link.txt"), secret);
        Path out = Files.createDirectories(anchors.tmp().resolve("out"));
        Files.createSymbolicLink(out.resolve("dangling"), root.resolve("created.txt"));
        Access access = Access.of("p", spec(List.of(), List.of("$TMP/out/**"), List.of(), List.of(), List.of(), false,
                List.of(), false), anchors);
        assertThat(access.mayRead(pkg.resolve("link.txt"))).isFalse();
        assertThat(access.mayRead(pkg.resolve("../../secret.txt"))).isFalse();
        assertThat(access.mayWrite(out.resolve("dangling"))).isFalse();
        assertThat(access.mayWrite(out.resolve("../out/new.txt"))).isTrue();
    }

    @Test
    void linkLoopIsDenied() throws IOException {
        Files.createSymbolicLink(pkg.resolve("a"), pkg.resolve("b"));
        Files.createSymbolicLink(pkg.resolve("b"), pkg.resolve("a"));
        Access access = Access.of("p", spec(List.of(), List.of("."), List.of(), List.of(), List.of(), false, List.of(),
                false), anchors);
        assertThat(access.mayRead(pkg.resolve("a/x"))).isFalse();
        assertThat(access.mayWrite(pkg.resolve("a/x"))).isFalse();
    }

    @Test
    void domainsMatchExactlyOrBySubdomainWildcard() {
        Access access = network(List.of("api.example.com", "*.cdn.example.org"), List.of());
        assertThat(access.mayConnect("api.example.com", 443, 443)).isTrue();
        assertThat(access.mayConnect("API.Example.COM", 443, 443)).isTrue();
        assertThat(access.mayConnect("example.com", 443, 443)).isFalse();
        assertThat(access.mayConnect("a.cdn.example.org", 443, 443)).isTrue();
        assertThat(access.mayConnect("a.b.cdn.example.org", 80, 80)).isTrue();
        assertThat(access.mayConnect("cdn.example.org", 443, 443)).isFalse();
        assertThat(access.mayConnect("evilcdn.example.org", 443, 443)).isFalse();
        assertThat(network(List.of("*"), List.of()).mayConnect("anything.test", 443, 443)).isTrue();
    }

    @Test
    void withoutPortsOnlyTheSchemesDefaultPortIsAllowed() {
        Access access = network(List.of("example.com"), List.of());
        assertThat(access.mayConnect("example.com", 443, 443)).isTrue();
        assertThat(access.mayConnect("example.com", 80, 80)).isTrue();
        assertThat(access.mayConnect("example.com", 8443, 443)).isFalse();
        assertThat(access.mayConnect("example.com", 443, 80)).isFalse();
    }

    @Test
    void listedPortsReplaceTheDefaultPort() {
        Access access = network(List.of("example.com"), List.of(8080, 8443));
        assertThat(access.mayConnect("example.com", 8080, 80)).isTrue();
        assertThat(access.mayConnect("example.com", 8443, 443)).isTrue();
        assertThat(access.mayConnect("example.com", 443, 443)).isFalse();
    }

    @Test
    void domainEntryMayNameItsPort() {
        Access access = network(List.of("localhost:8080", "db.internal:*"), List.of());
        assertThat(access.mayConnect("localhost", 8080, 80)).isTrue();
        assertThat(access.mayConnect("localhost", 80, 80)).isFalse();
        assertThat(access.mayConnect("db.internal", 5432, 443)).isTrue();
        assertThat(network(List.of("::1"), List.of()).mayConnect("[::1]", 443, 443)).isTrue();
    }

    @Test
    void environmentNamesMatchExactlyOrByPrefix() {
        Access access = Access.of("p", spec(List.of(), List.of(), List.of(), List.of(), List.of("HOME", "AWS_*"), false,
                List.of(), false), anchors);
        assertThat(access.mayReadEnv("HOME")).isTrue();
        assertThat(access.mayReadEnv("HOMEPATH")).isFalse();
        assertThat(access.mayReadEnv("AWS_REGION")).isTrue();
        assertThat(access.mayReadEnv("AWS")).isFalse();
        assertThat(access.mayReadEnv("aws_region")).isFalse();
        Access all = Access.of("p", spec(List.of(), List.of(), List.of(), List.of(), List.of("*"), false, List.of(),
                false), anchors);
        assertThat(all.mayReadEnv("ANYTHING")).isTrue();
    }

    @Test
    void runAndNativeAreFlags() {
        assertThat(Access.of("p", PermissionSpec.NONE, anchors).mayRun()).isFalse();
        assertThat(Access.of("p", PermissionSpec.NONE, anchors).mayLoadNative()).isFalse();
        Access both = Access.of("p", spec(List.of(), List.of(), List.of(), List.of(), List.of(), true, List.of(), true),
                anchors);
        assertThat(both.mayRun()).isTrue();
        assertThat(both.mayLoadNative()).isTrue();
    }

    @Test
    void classPatternsStarWithinAPackageDoubleStarAcross() {
        Access access = Access.of("p", spec(List.of(), List.of(), List.of(), List.of(), List.of(), false,
                List.of("java.util.*", "com.acme.**", "java.lang.String"), false), anchors);
        assertThat(access.mayUseClass("java.util.ArrayList")).isTrue();
        assertThat(access.mayUseClass("java.util.Map$Entry")).isTrue();
        assertThat(access.mayUseClass("java.util.concurrent.Executors")).isFalse();
        assertThat(access.mayUseClass("com.acme.a.b.C")).isTrue();
        assertThat(access.mayUseClass("java.lang.String")).isTrue();
        assertThat(access.mayUseClass("java.lang.StringBuilder")).isFalse();
        assertThat(access.mayUseClass("java.lang.Runtime")).isFalse();
        assertThat(access.mayUseClass("javaxutil.List")).isFalse();
    }

    @Test
    void packageDenialsNameTheFieldAndTheApproval() {
        Access access = Access.of("p", PermissionSpec.NONE, anchors);
        assertThat(access.denied(Kind.READ, "io.open", "/x").getMessage()).isEqualTo(
                "PERMISSION_DENIED: package 'p' may not read /x (io.open); allow it with permissions.filesystem.read "
                        + "in p's hype.json, " + APPROVE);
        assertThat(access.denied(Kind.WRITE, "fs.writeFileSync", "/x").getMessage()).isEqualTo(
                "PERMISSION_DENIED: package 'p' may not write /x (fs.writeFileSync); allow it with "
                        + "permissions.filesystem.write in p's hype.json, " + APPROVE);
        assertThat(access.denied(Kind.NET, "http.get", "example.com:443").getMessage()).isEqualTo(
                "PERMISSION_DENIED: package 'p' may not connect to example.com:443 (http.get); allow it with "
                        + "permissions.network.domains in p's hype.json, " + APPROVE);
        assertThat(access.denied(Kind.ENV, "os.getenv", "HOME").getMessage()).isEqualTo(
                "PERMISSION_DENIED: package 'p' may not read the environment variable HOME (os.getenv); allow it with "
                        + "permissions.env in p's hype.json, " + APPROVE);
        assertThat(access.denied(Kind.RUN, "io.popen", "ls").getMessage()).isEqualTo(
                "PERMISSION_DENIED: package 'p' may not run ls (io.popen); allow it with permissions.process in "
                        + "p's hype.json, " + APPROVE);
        assertThat(access.denied(Kind.JAVA, "java.import", "java.lang.Runtime").getMessage()).isEqualTo(
                "PERMISSION_DENIED: package 'p' may not use the Java class java.lang.Runtime (java.import); allow it "
                        + "with permissions.java in p's hype.json, " + APPROVE);
        assertThat(access.denied(Kind.NATIVE, "string.dump", "").getMessage()).isEqualTo(
                "PERMISSION_DENIED: package 'p' may not load native code (string.dump); allow it with "
                        + "permissions.native in p's hype.json, " + APPROVE);
        assertThat(access.denied(Kind.LOAD, "require", "/x").getMessage()).isEqualTo(
                "PERMISSION_DENIED: package 'p' may not load /x (require); a package may load its own files, "
                        + "built-in modules and other packages by name");
    }

    @Test
    void projectDenialsNameTheFlag() {
        Access access = Access.of(null, PermissionSpec.NONE, anchors);
        assertThat(access.denied(Kind.READ, "io.open", "/x").getMessage()).isEqualTo(
                "PERMISSION_DENIED: the project may not read /x (io.open); allow it with permissions.filesystem.read "
                        + "in hype.json or run with --allow-read=/x");
        assertThat(access.denied(Kind.NET, "http.get", "example.com:443").getMessage()).isEqualTo(
                "PERMISSION_DENIED: the project may not connect to example.com:443 (http.get); allow it with "
                        + "permissions.network.domains in hype.json or run with --allow-net=example.com:443");
        assertThat(access.denied(Kind.JAVA, "java.import", "a.B").getMessage()).isEqualTo(
                "PERMISSION_DENIED: the project may not use the Java class a.B (java.import); allow it with "
                        + "permissions.java in hype.json");
        assertThat(access.denied(Kind.LOAD, "require", "/x").getMessage())
                .isEqualTo("PERMISSION_DENIED: the project may not load /x (require)");
    }

    @Test
    void deniedPortOfAnAllowedHostPointsAtPorts() {
        Access access = network(List.of("example.com"), List.of());
        PermissionDeniedError error = access.denied(Kind.NET, "http.get", "example.com:8080");
        assertThat(error.hint()).startsWith("allow it with permissions.network.ports in p's hype.json");
        assertThat(access.denied(Kind.NET, "http.get", "other.com:8080").hint())
                .startsWith("allow it with permissions.network.domains");
    }

    @Test
    void checksThrowTheDenialWithItsFields() {
        Access access = Access.of("p", PermissionSpec.NONE, anchors);
        assertThatThrownBy(() -> access.checkEnv("SECRET", "os.getenv"))
                .isInstanceOfSatisfying(PermissionDeniedError.class, e -> {
                    assertThat(e.packageName()).isEqualTo("p");
                    assertThat(e.kind()).isEqualTo(Kind.ENV);
                    assertThat(e.operation()).isEqualTo("os.getenv");
                    assertThat(e.resource()).isEqualTo("SECRET");
                });
        assertThatThrownBy(() -> access.checkRun("ls", "os.execute")).isInstanceOf(PermissionDeniedError.class);
        assertThatThrownBy(() -> access.checkNative("x.so", "package.loadlib")).isInstanceOf(PermissionDeniedError.class);
        assertThatThrownBy(() -> access.checkClass("a.B", "java.import")).isInstanceOf(PermissionDeniedError.class);
        assertThatThrownBy(() -> access.checkConnect("h", 1, 443, "http.get")).isInstanceOf(PermissionDeniedError.class);
        assertThatThrownBy(() -> access.checkWrite(pkg.resolve("x"), "io.open")).isInstanceOf(PermissionDeniedError.class);
    }

    @Test
    void trustedCodeIsNeverDenied() {
        assertThat(Access.UNRESTRICTED.mayRead(Path.of("/etc/shadow"))).isTrue();
        assertThat(Access.UNRESTRICTED.mayConnect("x", 1, 443)).isTrue();
        assertThat(Access.UNRESTRICTED.unrestricted()).isTrue();
        assertThatThrownBy(() -> Access.UNRESTRICTED.denied(Kind.READ, "io.open", "/x"))
                .isInstanceOf(IllegalStateException.class);
    }
}
