package dev.hype.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Read JSON text into Jackson's tree as {@code new ObjectMapper().readTree(bytes)} does, with
 * jackson-core's streaming parser alone.
 *
 * <p>An {@code ObjectMapper} brings about 400 classes with it, which the AOT cache of
 * {@code hype FILE.lua} would load on every start whether a program reads JSON or not; the
 * parser and the node classes are a fifth of that. Like {@code readTree}: empty input gives a
 * {@code MissingNode}, a repeated key keeps its last value, integers become int, long or
 * BigInteger nodes by size, other numbers doubles, and text after the first value is ignored.
 */
public final class JsonTreeReader {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTreeReader() {
    }

    /**
     * Parse {@code bytes}.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException on malformed JSON, with its location
     */
    public static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            return first == null ? NODES.missingNode() : value(parser, first);
        }
    }

    /**
     * Parse {@code text} strictly, as an {@code ObjectMapper} with {@code STRICT_DUPLICATE_DETECTION}
     * and {@code FAIL_ON_TRAILING_TOKENS} reads it: a repeated key and any value after the first
     * are errors. Empty text gives a {@code MissingNode}.
     *
     * <p>Files whose reading counts at start-up ({@code hype-lock.json} for {@code hype pkg list}
     * and {@code check}) use this: building an {@code ObjectMapper} costs more than the JVM's start.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException on malformed JSON, with its location
     */
    public static JsonNode readStrict(String text) throws IOException {
        try (JsonParser parser = STRICT.createParser(text)) {
            return strict(parser);
        }
    }

    /**
     * Parse UTF-8 {@code bytes} strictly, as {@link #readStrict(String)} does; jackson-core's byte parser skips
     * the decoding to characters (a lockfile of 200 packages is read at the start of every install).
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException on malformed JSON or UTF-8, with its location
     */
    public static JsonNode readStrict(byte[] bytes) throws IOException {
        try (JsonParser parser = STRICT.createParser(bytes)) {
            return strict(parser);
        }
    }

    private static JsonNode strict(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return NODES.missingNode();
        }
        JsonNode tree = value(parser, first);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "unexpected '" + parser.getText() + "' after the JSON value",
                    parser.currentTokenLocation());
        }
        return tree;
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.replace(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }
}
