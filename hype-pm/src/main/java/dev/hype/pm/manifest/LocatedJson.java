package dev.hype.pm.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parse JSON into a tree while remembering the line and column where each value starts, keyed by field path.
 *
 * @param tree the parsed document
 * @param locations field path ({@code a.b[2]}) to {@code {line, column}}; the empty path is the document
 * @param duplicates paths of keys that appeared twice in the same object
 */
record LocatedJson(JsonNode tree, Map<String, int[]> locations, List<String> duplicates) {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Parse text; throw Jackson's exception (with its location) on malformed JSON. */
    static LocatedJson parse(String text) throws IOException {
        Map<String, int[]> locations = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "empty document");
            }
            JsonNode tree = read(parser, "", locations, duplicates);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected content after the JSON value");
            }
            return new LocatedJson(tree, locations, duplicates);
        }
    }

    /** Return the location of a path, falling back to its nearest located parent. */
    int[] locate(String path) {
        String p = path;
        while (true) {
            int[] at = locations.get(p);
            if (at != null || p.isEmpty()) {
                return at == null ? new int[] {1, 1} : at;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    private static JsonNode read(JsonParser parser, String path, Map<String, int[]> locations, List<String> duplicates)
            throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        locations.put(path, new int[] {at.getLineNr(), at.getColumnNr()});
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    parser.nextToken();
                    JsonNode value = read(parser, child, locations, duplicates);
                    if (object.has(name)) {
                        duplicates.add(child);
                    }
                    object.set(name, value);
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "[" + i++ + "]", locations, duplicates));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    case BIG_INTEGER -> nodes.numberNode(parser.getBigIntegerValue());
                    default -> nodes.numberNode(parser.getDecimalValue());
                };
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new JsonProcessingException("unexpected token " + token, at) {
                private static final long serialVersionUID = 1L;
            };
        }
    }
}
