package dev.hype.pm.lock;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Render a JSON tree with object keys sorted, two-space indentation, {@code "key": value}, and a final newline. */
final class SortedJson {
    private SortedJson() {
    }

    static String render(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            if (fields.isEmpty()) {
                out.append("{}");
                return;
            }
            // a lambda of ours is in the AOT cache; the JDK's Map.Entry.comparingByKey() is spun at each start
            fields.sort((a, b) -> a.getKey().compareTo(b.getKey()));
            out.append("{\n");
            for (int i = 0; i < fields.size(); i++) {
                out.append(indent).append("  ");
                quote(fields.get(i).getKey(), out);
                out.append(": ");
                write(fields.get(i).getValue(), indent + "  ", out);
                out.append(i + 1 < fields.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(indent).append("  ");
                write(node.get(i), indent + "  ", out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (node.isTextual()) {
            quote(node.textValue(), out);
        } else {
            // a number, true, false or null: its text is its JSON (asText, not toString, which would build
            // jackson-databind's ObjectMapper to serialize one scalar)
            out.append(node.asText());
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }
}
