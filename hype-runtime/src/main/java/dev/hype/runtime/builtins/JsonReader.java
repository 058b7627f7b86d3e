package dev.hype.runtime.builtins;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import java.io.IOException;

/**
 * Decode JSON text into Lua values with Jackson's streaming parser: objects and arrays become
 * tables (empty ones marked with the object or array metatable), integers stay integers, and
 * {@code null} becomes the {@code json.null} sentinel.
 */
final class JsonReader {
    private static final int NULL = 2;
    private static final int ARRAY_MARK = 3;
    private static final int OBJECT_MARK = 4;

    private final JsonFactory factory;

    JsonReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** {@code decode(text, null, arrayMeta, objectMeta)}: the Lua side passes the sentinels. */
    int decode(LuaStack s) {
        byte[] text = s.checkBytes(1, "decode");
        try (JsonParser parser = factory.createParser(text)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    throw new LuaError("json.decode: no JSON value (the text is empty) at line 1, column 1");
                }
                readValue(s, parser, first);
                if (parser.nextToken() != null) {
                    throw error("unexpected content after the JSON value", parser.currentTokenLocation());
                }
                return 1;
            } catch (JsonProcessingException e) {
                String message = e.getOriginalMessage()
                        .replaceAll("\\[Source: [^;\\]]*; ", "[")
                        .replaceAll(", from `[^`]*`", "");
                throw error(message, e.getLocation() != null ? e.getLocation() : parser.currentLocation());
            }
        } catch (IOException e) {
            throw new LuaError("json.decode: " + e.getMessage());
        }
    }

    private static LuaError error(String message, JsonLocation at) {
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new LuaError("json.decode: " + message + where);
    }

    private void readValue(LuaStack s, JsonParser parser, JsonToken token) throws IOException {
        s.ensureStack(4);
        switch (token) {
            case START_OBJECT -> readObject(s, parser);
            case START_ARRAY -> readArray(s, parser);
            case VALUE_STRING -> s.pushString(parser.getText());
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    s.pushNumber(parser.getDoubleValue());
                } else {
                    s.pushInteger(parser.getLongValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> s.pushNumber(parser.getDoubleValue());
            case VALUE_TRUE -> s.pushBoolean(true);
            case VALUE_FALSE -> s.pushBoolean(false);
            case VALUE_NULL -> s.pushValue(NULL);
            default -> throw error("unexpected token " + token, parser.currentTokenLocation());
        }
    }

    private void readObject(LuaStack s, JsonParser parser) throws IOException {
        s.newTable(0, 4);
        int table = s.top();
        boolean empty = true;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            s.pushString(parser.currentName());
            readValue(s, parser, parser.nextToken());
            s.rawSet(table);
            empty = false;
        }
        if (empty) {
            s.pushValue(OBJECT_MARK);
            s.setMetatable(table);
        }
    }

    private void readArray(LuaStack s, JsonParser parser) throws IOException {
        s.newTable(4, 0);
        int table = s.top();
        long n = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            readValue(s, parser, t);
            s.rawSetIndex(table, ++n);
        }
        if (n == 0) {
            s.pushValue(ARRAY_MARK);
            s.setMetatable(table);
        }
    }
}
