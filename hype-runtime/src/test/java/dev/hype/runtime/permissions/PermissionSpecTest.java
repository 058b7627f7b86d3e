package dev.hype.runtime.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static PermissionSpec read(String text) throws IOException {
        return PermissionSpec.fromJson(json(text));
    }

    private static final String FULL = """
            {"filesystem": {"read": ["data/**", "$HOME/.config/x"], "write": ["$TMP/out"]},
             "network": {"domains": ["api.example.com", "*.cdn.example.org"], "ports": [443, 8443]},
             "env": ["HOME", "AWS_*"], "process": true, "java": ["java.util.*"], "native": true}""";

    @Test
    void fromJsonReadsEveryField() throws IOException {
        PermissionSpec spec = read(FULL);
        assertThat(spec.read()).containsExactly("data/**", "$HOME/.config/x");
        assertThat(spec.write()).containsExactly("$TMP/out");
        assertThat(spec.domains()).containsExactly("api.example.com", "*.cdn.example.org");
        assertThat(spec.ports()).containsExactly(443, 8443);
        assertThat(spec.env()).containsExactly("HOME", "AWS_*");
        assertThat(spec.process()).isTrue();
        assertThat(spec.java()).containsExactly("java.util.*");
        assertThat(spec.nativeCode()).isTrue();
    }

    @Test
    void toJsonRoundTrips() throws IOException {
        PermissionSpec spec = read(FULL);
        assertThat(spec.toJson()).isEqualTo(json(FULL));
        assertThat(PermissionSpec.fromJson(spec.toJson())).isEqualTo(spec);
    }

    @Test
    void toJsonLeavesOutWhatIsEmpty() throws IOException {
        assertThat(PermissionSpec.NONE.toJson()).isEqualTo(json("{}"));
        assertThat(read("{\"filesystem\": {\"write\": [\"out\"]}, \"process\": false}").toJson())
                .isEqualTo(json("{\"filesystem\": {\"write\": [\"out\"]}}"));
        assertThat(read("{\"network\": {\"ports\": [8080]}}").toJson()).isEqualTo(json("{\"network\": {\"ports\": [8080]}}"));
    }

    @Test
    void missingOrNullIsNone() throws IOException {
        assertThat(PermissionSpec.fromJson(null)).isEqualTo(PermissionSpec.NONE);
        assertThat(PermissionSpec.fromJson(NullNode.getInstance())).isEqualTo(PermissionSpec.NONE);
        assertThat(PermissionSpec.fromJson(MissingNode.getInstance())).isEqualTo(PermissionSpec.NONE);
        assertThat(read("{}").isEmpty()).isTrue();
        assertThat(read("{\"env\": null, \"process\": null}").isEmpty()).isTrue();
    }

    @Test
    void anySingleGrantMakesASpecNonEmpty() {
        List<String> one = List.of("x");
        List<PermissionSpec> single = List.of(
                new PermissionSpec(one, List.of(), List.of(), List.of(), List.of(), false, List.of(), false),
                new PermissionSpec(List.of(), one, List.of(), List.of(), List.of(), false, List.of(), false),
                new PermissionSpec(List.of(), List.of(), one, List.of(), List.of(), false, List.of(), false),
                new PermissionSpec(List.of(), List.of(), List.of(), List.of(443), List.of(), false, List.of(), false),
                new PermissionSpec(List.of(), List.of(), List.of(), List.of(), one, false, List.of(), false),
                new PermissionSpec(List.of(), List.of(), List.of(), List.of(), List.of(), true, List.of(), false),
                new PermissionSpec(List.of(), List.of(), List.of(), List.of(), List.of(), false, one, false),
                new PermissionSpec(List.of(), List.of(), List.of(), List.of(), List.of(), false, List.of(), true),
                PermissionSpec.UNRESTRICTED);
        for (PermissionSpec spec : single) {
            assertThat(spec.isEmpty()).as(spec.toString()).isFalse();
            assertThat(spec).isNotEqualTo(PermissionSpec.NONE);
        }
        assertThat(PermissionSpec.NONE.isEmpty()).isTrue();
        assertThat(new PermissionSpec(List.of(), List.of(), List.of(), List.of(), List.of(), false, List.of(), false)
                .isEmpty()).isTrue();
    }

    @Test
    void errorsNameTheField() {
        assertThatThrownBy(() -> read("[]")).hasMessage("permissions: expected an object");
        assertThatThrownBy(() -> read("{\"network\": {\"ports\": 443}}"))
                .hasMessage("permissions.network.ports: expected an array of port numbers");
        assertThatThrownBy(() -> read("{\"network\": {\"ports\": [443, 70000]}}"))
                .hasMessage("permissions.network.ports[1]: expected a port number from 1 to 65535");
        assertThatThrownBy(() -> read("{\"network\": {\"ports\": [\"443\"]}}"))
                .hasMessage("permissions.network.ports[0]: expected a port number from 1 to 65535");
        assertThatThrownBy(() -> read("{\"network\": {\"ports\": [0]}}"))
                .hasMessage("permissions.network.ports[0]: expected a port number from 1 to 65535");
        assertThatThrownBy(() -> read("{\"filesystem\": {\"read\": \"data\"}}"))
                .hasMessage("permissions.filesystem.read: expected an array of strings");
        assertThatThrownBy(() -> read("{\"filesystem\": {\"write\": [\"\"]}}"))
                .hasMessage("permissions.filesystem.write[0]: expected a non-empty string");
        assertThatThrownBy(() -> read("{\"network\": {\"domains\": [1]}}"))
                .hasMessage("permissions.network.domains[0]: expected a non-empty string");
        assertThatThrownBy(() -> read("{\"env\": [\"A\", 2]}")).hasMessage("permissions.env[1]: expected a non-empty string");
        assertThatThrownBy(() -> read("{\"java\": {}}")).hasMessage("permissions.java: expected an array of strings");
        assertThatThrownBy(() -> read("{\"process\": \"yes\"}")).hasMessage("permissions.process: expected true or false");
        assertThatThrownBy(() -> read("{\"native\": 1}")).hasMessage("permissions.native: expected true or false");
    }

    @Test
    void repeatedEntriesAreDropped() throws IOException {
        PermissionSpec spec = read("{\"env\": [\"A\", \"B\", \"A\"], \"network\": {\"ports\": [80, 80]}}");
        assertThat(spec.env()).containsExactly("A", "B");
        assertThat(spec.ports()).containsExactly(80);
    }

    @Test
    void plusIsTheUnion() throws IOException {
        PermissionSpec a = read("{\"filesystem\": {\"read\": [\"a\"]}, \"env\": [\"X\"]}");
        PermissionSpec b = read("{\"filesystem\": {\"read\": [\"a\", \"b\"]}, \"process\": true, \"native\": true}");
        PermissionSpec sum = a.plus(b);
        assertThat(sum.read()).containsExactly("a", "b");
        assertThat(sum.env()).containsExactly("X");
        assertThat(sum.process()).isTrue();
        assertThat(sum.nativeCode()).isTrue();
        assertThat(PermissionSpec.NONE.plus(PermissionSpec.NONE)).isEqualTo(PermissionSpec.NONE);
    }

    @Test
    void beyondIsWhatIsNotApprovedYet() throws IOException {
        PermissionSpec asked = read(FULL);
        PermissionSpec approved = read("""
                {"filesystem": {"read": ["data/**"]}, "network": {"domains": ["api.example.com"], "ports": [443]},
                 "env": ["HOME"], "process": true}""");
        PermissionSpec beyond = asked.beyond(approved);
        assertThat(beyond.read()).containsExactly("$HOME/.config/x");
        assertThat(beyond.write()).containsExactly("$TMP/out");
        assertThat(beyond.domains()).containsExactly("*.cdn.example.org");
        assertThat(beyond.ports()).containsExactly(8443);
        assertThat(beyond.env()).containsExactly("AWS_*");
        assertThat(beyond.process()).isFalse();
        assertThat(beyond.java()).containsExactly("java.util.*");
        assertThat(beyond.nativeCode()).isTrue();
        assertThat(asked.beyond(asked).isEmpty()).isTrue();
        // Entries compare as written: a narrower pattern is still a new entry.
        assertThat(read("{\"filesystem\": {\"read\": [\"data/x\"]}}").beyond(approved).read()).containsExactly("data/x");
    }

    @Test
    void describeSaysOneLinePerKind() throws IOException {
        assertThat(read(FULL).describe()).containsExactly(
                "read files: data/**, $HOME/.config/x",
                "write files: $TMP/out",
                "connect to: api.example.com, *.cdn.example.org on ports 443, 8443",
                "read environment variables: HOME, AWS_*",
                "run programs",
                "use Java classes: java.util.*",
                "load native code (C modules, binary chunks)");
        assertThat(read("{\"network\": {\"domains\": [\"a.com\"]}}").describe())
                .containsExactly("connect to: a.com (default ports)");
        assertThat(read("{\"network\": {\"ports\": [22]}}").describe()).containsExactly("use ports: 22 (but no domain)");
        assertThat(PermissionSpec.NONE.describe()).isEqualTo(List.of());
    }

    @Test
    void unrestrictedCoversEverythingAndIsShownAsSuch() throws IOException {
        PermissionSpec all = read("{\"unrestricted\": true}");
        assertThat(all).isEqualTo(PermissionSpec.UNRESTRICTED);
        assertThat(all.toJson()).isEqualTo(json("{\"unrestricted\": true}"));
        assertThat(all.describe()).containsExactly("unrestricted: everything, unchecked, as your own code runs");
        assertThat(read(FULL).beyond(all)).isEqualTo(PermissionSpec.NONE);
        assertThat(all.beyond(read(FULL))).isEqualTo(PermissionSpec.UNRESTRICTED);
        assertThat(all.beyond(all).isEmpty()).isTrue();
        assertThat(PermissionSpec.NONE.plus(all).unrestricted()).isTrue();
    }
}
