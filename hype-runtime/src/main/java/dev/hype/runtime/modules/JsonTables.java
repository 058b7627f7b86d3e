package dev.hype.runtime.modules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.JsonTreeReader;
import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import java.io.IOException;
import java.util.Map;

/** Turn JSON text into Lua values: objects and arrays become tables, JSON null becomes nil. */
final class JsonTables {
    private JsonTables() {
    }

    /** Parse {@code bytes} read from {@code displayName} and push the value, or raise a Lua error with line and column. */
    static void push(LuaStack stack, byte[] bytes, String displayName) {
        JsonNode root;
        try {
            root = JsonTreeReader.read(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new LuaError("invalid JSON in " + displayName + " at line " + (at == null ? 0 : at.getLineNr())
                    + ", column " + (at == null ? 0 : at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LuaError("cannot read " + displayName + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new LuaError("invalid JSON in " + displayName + " at line 1, column 1: the file is empty");
        }
        push(stack, root);
    }

    private static void push(LuaStack stack, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                stack.newTable(0, node.size());
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!field.getValue().isNull()) {
                        push(stack, field.getValue());
                        stack.setField(-2, field.getKey());
                    }
                }
            }
            case ARRAY -> {
                stack.newTable(node.size(), 0);
                int index = 1;
                for (JsonNode item : node) {
                    if (!item.isNull()) {
                        push(stack, item);
                        stack.rawSetIndex(-2, index);
                    }
                    index++;
                }
            }
            case STRING -> stack.pushString(node.textValue());
            case BOOLEAN -> stack.pushBoolean(node.booleanValue());
            case NUMBER -> {
                if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
                    stack.pushInteger(node.longValue());
                } else {
                    stack.pushNumber(node.doubleValue());
                }
            }
            default -> stack.pushNil();
        }
    }
}
