package dev.hype.pm.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hype.runtime.permissions.PermissionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsReaderTest {

    private static PermissionSpec parse(String permissions) {
        return Manifest.parse("{\"name\": \"a\",\n\"permissions\": " + permissions + "}", "hype.json").permissions();
    }

    private static List<String> problems(String permissions) {
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> parse(permissions));
        assertThat(e).as("no problem found in " + permissions).isNotNull();
        return e.problems().stream().map(ManifestProblem::toString).toList();
    }

    @Test
    void readEveryKindOfPermission() {
        PermissionSpec spec = parse("""
                {"filesystem": {"read": ["data/**", "./conf.json", "$CWD", "$HOME/.config/a/*"], "write": ["$TMP/a-*"]},
                 "network": {"domains": ["api.example.com", "*.example.org", "127.0.0.1"], "ports": [443]},
                 "env": ["HOME", "A_*", "*"], "process": true, "java": ["java.util.*", "java.**", "a.B$Inner"],
                 "native": true}""");
        assertThat(spec.read()).containsExactly("data/**", "./conf.json", "$CWD", "$HOME/.config/a/*");
        assertThat(spec.write()).containsExactly("$TMP/a-*");
        assertThat(spec.domains()).containsExactly("api.example.com", "*.example.org", "127.0.0.1");
        assertThat(spec.env()).containsExactly("HOME", "A_*", "*");
        assertThat(spec.java()).containsExactly("java.util.*", "java.**", "a.B$Inner");
        assertThat(spec.process()).isTrue();
        assertThat(spec.nativeCode()).isTrue();
        assertThat(parse("{\"network\": {\"domains\": [\"*\"]}}").domains()).containsExactly("*");
    }

    @Test
    void writeBackTheSameObject() {
        Manifest m = Manifest.parse("{\"name\": \"a\", \"permissions\": {\"env\": [\"HOME\"], \"java\": [\"java.util.*\"]}}",
                "hype.json");
        assertThat(m.toJson().get("permissions").toString()).isEqualTo("{\"env\":[\"HOME\"],\"java\":[\"java.util.*\"]}");
        assertThat(Manifest.parse("{\"name\": \"a\"}", "hype.json").toJson().has("permissions")).isFalse();
    }

    @Test
    void refusePathsThatLeaveTheirAnchor() {
        assertThat(problems("""
                {"filesystem": {
                  "read": ["data/*",
                    "../secrets"],
                  "write": ["/etc/hosts", "$PWD/x", "$HOMEdir", "out/../../x", "~/.ssh", "C:\\\\x", ""]}}""")).containsExactly(
                "hype.json:4:5: permissions.filesystem.read[1]: '..' is not allowed (anchor the path at $CWD, $HOME or $TMP)",
                "hype.json:5:13: permissions.filesystem.write[0]: an absolute path is not allowed (anchor the path at $CWD, $HOME or $TMP)",
                "hype.json:5:27: permissions.filesystem.write[1]: '$PWD' is not an anchor (use $CWD, $HOME or $TMP)",
                "hype.json:5:37: permissions.filesystem.write[2]: '$HOMEdir' is not an anchor (use $CWD, $HOME or $TMP)",
                "hype.json:5:49: permissions.filesystem.write[3]: '..' is not allowed (anchor the path at $CWD, $HOME or $TMP)",
                "hype.json:5:64: permissions.filesystem.write[4]: '~' is not expanded (anchor the path at $CWD, $HOME or $TMP)",
                "hype.json:5:74: permissions.filesystem.write[5]: an absolute path is not allowed (anchor the path at $CWD, $HOME or $TMP)",
                "hype.json:5:83: permissions.filesystem.write[6]: expected a non-empty path");
    }

    @Test
    void refuseDomainsThatAreNotHostNames() {
        assertThat(problems("""
                {"network": {"domains": ["https://a.com", "a.com:443", "a.com/x", "*.*", "a..com", "", 7]}}"""))
                .containsExactly(
                        "hype.json:2:41: permissions.network.domains[0]: 'https://a.com' has a scheme (write the host name only, such as example.com)",
                        "hype.json:2:58: permissions.network.domains[1]: 'a.com:443' has a port (list ports in permissions.network.ports)",
                        "hype.json:2:71: permissions.network.domains[2]: 'a.com/x' has a path (write the host name only, such as example.com)",
                        "hype.json:2:82: permissions.network.domains[3]: '*.*' is not a host name or a wildcard such as *.example.com",
                        "hype.json:2:89: permissions.network.domains[4]: 'a..com' is not a host name or a wildcard such as *.example.com",
                        "hype.json:2:99: permissions.network.domains[5]: expected a non-empty host name",
                        "hype.json:2:103: permissions.network.domains[6]: expected a string");
    }

    @Test
    void refuseBadEnvNamesAndClassPatterns() {
        assertThat(problems("""
                {"env": ["", "A*B"], "java": ["java.util.*", "", "java util", "java/lang"]}""")).containsExactly(
                "hype.json:2:25: permissions.env[0]: expected a non-empty variable name",
                "hype.json:2:29: permissions.env[1]: 'A*B': '*' may only end a name (to match a prefix)",
                "hype.json:2:61: permissions.java[1]: expected a non-empty class-name pattern such as \"java.util.*\"",
                "hype.json:2:65: permissions.java[2]: 'java util' is not a class-name pattern (letters, digits, '_', '$', '.' and '*')",
                "hype.json:2:78: permissions.java[3]: 'java/lang' is not a class-name pattern (letters, digits, '_', '$', '.' and '*')");
    }

    @Test
    void refuseTheOldBooleanJavaAndWrongShapes() {
        assertThat(problems("""
                {"java": true, "filesystem": {"read": "data"}, "network": [], "process": "yes"}""")).containsExactly(
                "hype.json:2:25: permissions.java: expected an array of class-name patterns such as \"java.util.*\"",
                "hype.json:2:54: permissions.filesystem.read: expected an array of paths",
                "hype.json:2:74: permissions.network: expected an object with domains and/or ports",
                "hype.json:2:89: permissions.process: expected true or false");
    }
}
