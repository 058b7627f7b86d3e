package dev.hype.pm.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.runtime.JsonTreeReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SortedJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A scalar kept from a lockfile (an unknown key's value) is written as Jackson would serialize it. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-7", "3", "9223372036854775807", "123456789012345678901234567890", "1.5", "-0.0",
        "1e10", "1E+2", "2.5e-7", "0.1", "12345678901234567890.5", "true", "false", "null"})
    void writesScalarsAsJacksonSerializesThem(String scalar) throws Exception {
        for (JsonNode node : new JsonNode[] {MAPPER.readTree(scalar),
            JsonTreeReader.read(scalar.getBytes(StandardCharsets.UTF_8))}) {
            assertThat(SortedJson.render(node)).isEqualTo(MAPPER.writeValueAsString(node) + "\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"b\": [1, 2.5, {\"z\": null, \"a\": false}], \"a\": \"x\\u0001\\\"y\"}"})
    void sortsKeysAndIndents(String text) throws Exception {
        assertThat(SortedJson.render(MAPPER.readTree(text))).isEqualTo("""
                {
                  "a": "x\\u0001\\"y",
                  "b": [
                    1,
                    2.5,
                    {
                      "a": false,
                      "z": null
                    }
                  ]
                }
                """);
    }
}
