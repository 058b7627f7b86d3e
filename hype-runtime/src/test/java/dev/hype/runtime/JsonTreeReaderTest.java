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

    private static final ObjectMapper STRICT_MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"lockfileVersion\": 1, \"root\": {\"dependencies\": {\"a\": \"1.0.0\"}}, \"packages\": {}}",
        "[1, -2, 2.5, 1e3, \"s\", true, false, null, [], {}]", "", "  \n ", "{\"u\": \"\\u00e9\\n\"}",
        "{\"a\": {\"b\": 1}, \"b\": {\"b\": 2}}"})
    void readsStrictlyTheSameTreeAsAStrictObjectMapper(String json) throws Exception {
        JsonNode expected = STRICT_MAPPER.readTree(json);
        JsonNode actual = JsonTreeReader.readStrict(json);
        JsonNode fromBytes = JsonTreeReader.readStrict(json.getBytes(StandardCharsets.UTF_8));

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getNodeType()).isEqualTo(expected.getNodeType());
        assertThat(fromBytes).isEqualTo(expected);
        assertThat(fromBytes.getNodeType()).isEqualTo(expected.getNodeType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\": 1, \"a\": 2}", "{\"b\": {\"x\": 1, \"x\": 1}}", "{\"a\": 1,}"})
    void reportsMalformedJsonAndRepeatedKeysAsAStrictObjectMapperDoes(String json) {
        JsonProcessingException expected = catchJson(() -> STRICT_MAPPER.readTree(json));

        assertThatThrownBy(() -> JsonTreeReader.readStrict(json))
                .isInstanceOfSatisfying(JsonProcessingException.class, e -> {
                    assertThat(e.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
                    assertThat(e.getLocation().getLineNr()).isEqualTo(expected.getLocation().getLineNr());
                    assertThat(e.getLocation().getColumnNr()).isEqualTo(expected.getLocation().getColumnNr());
                });
        assertThatThrownBy(() -> JsonTreeReader.readStrict(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(JsonProcessingException.class, e -> {
                    assertThat(e.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
                    assertThat(e.getLocation().getLineNr()).isEqualTo(expected.getLocation().getLineNr());
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{}\n[1]", "1 2", "{} trailing"})
    void refusesAnythingAfterTheValueWhereAStrictObjectMapperDoes(String json) {
        catchJson(() -> STRICT_MAPPER.readTree(json));

        assertThatThrownBy(() -> JsonTreeReader.readStrict(json)).isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isPositive());
        assertThatThrownBy(() -> JsonTreeReader.readStrict(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class);
    }

    @org.junit.jupiter.api.Test
    void namesTheValueFoundAfterTheFirst() {
        assertThatThrownBy(() -> JsonTreeReader.readStrict("{\"a\": 1}\n\"more\""))
                .isInstanceOfSatisfying(JsonProcessingException.class, e -> {
                    assertThat(e.getOriginalMessage()).isEqualTo("unexpected 'more' after the JSON value");
                    assertThat(e.getLocation().getLineNr()).isEqualTo(2);
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
