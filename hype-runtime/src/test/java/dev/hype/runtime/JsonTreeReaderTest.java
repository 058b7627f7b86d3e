package dev.hype.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreeReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\": \"pkg\", \"exports\": {\".\": {\"hype\": \"./lib/index.lua\"}, \"./*\": \"./lib/*.lua\"}}",
        "[1, -2, 2.5, 1e3, \"s\", true, false, null, [], {}]",
        "{\"int\": 2147483647, \"long\": 2147483648, \"big\": 123456789012345678901234567890, \"huge\": 1e400}",
        "{\"a\": 1, \"a\": [2], \"b\": {\"a\": null}}",
        "\"just a string\"", "42", "null", "", "  \n ", "{} trailing text", "{\"u\": \"\\u00e9\\n\\\"\"}"})
    void readsTheSameTreeAsObjectMapper(String json) throws Exception {
        JsonNode expected = MAPPER.readTree(bytes(json));
        JsonNode actual = JsonTreeReader.read(bytes(json));

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getNodeType()).isEqualTo(expected.getNodeType());
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\": }", "[1, 2", "{\"a\" 1}", "tru", "{\"a\": 1,}"})
    void reportsMalformedJsonAsObjectMapperDoes(String json) {
        JsonProcessingException expected = catchJson(() -> MAPPER.readTree(bytes(json)));

        assertThatThrownBy(() -> JsonTreeReader.read(bytes(json)))
                .isInstanceOfSatisfying(JsonProcessingException.class, e -> {
                    assertThat(e.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
                    assertThat(e.getLocation().getLineNr()).isEqualTo(expected.getLocation().getLineNr());
                    assertThat(e.getLocation().getColumnNr()).isEqualTo(expected.getLocation().getColumnNr());
                });
    }

    private interface JsonCall {
        void run() throws Exception;
    }

    private static JsonProcessingException catchJson(JsonCall call) {
        try {
            call.run();
        } catch (JsonProcessingException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a JsonProcessingException", e);
        }
        throw new AssertionError("expected a JsonProcessingException");
    }
}
