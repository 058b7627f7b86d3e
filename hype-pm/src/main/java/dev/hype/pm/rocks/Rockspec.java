package dev.hype.pm.rocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hold what Hype reads from a rockspec, after the machine's {@code platforms} overrides.
 *
 * @param name the rock's name, lower case ({@code package} folded as LuaRocks folds it)
 * @param version the version as written, such as {@code 1.14.0-3}
 * @param format {@code rockspec_format}, {@code 1.0} when absent
 * @param dependencies the {@code dependencies} strings, such as {@code lua >= 5.1}
 * @param tree the whole rockspec as JSON ({@code source}, {@code build}, {@code description}, ...)
 */
public record Rockspec(String name, String version, String format, List<String> dependencies, JsonNode tree) {
    /** Copy the list. */
    public Rockspec {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * Read a rockspec as LuaRocks does.
     *
     * @param what names the file in errors
     * @throws RockException {@link RockException#E_ROCKSPEC} when it is not valid Lua, fails, or lacks
     *     {@code package} or {@code version}
     */
    public static Rockspec read(byte[] source, String what, RockPlatform platform) {
        JsonNode tree = LuaData.read(source, what, List.of(), platform.platforms());
        String name = text(tree, "package", what);
        String version = text(tree, "version", what);
        if (!version.matches("[A-Za-z0-9._]+-\\d+")) {
            throw bad(what, "version \"" + version + "\" is not VERSION-REVISION (such as 1.0-1)");
        }
        List<String> dependencies = new ArrayList<>();
        JsonNode deps = tree.path("dependencies");
        if (deps.isArray()) {
            for (JsonNode dep : deps) {
                if (!dep.isTextual()) {
                    throw bad(what, "dependencies must be strings such as \"lua >= 5.1\"");
                }
                dependencies.add(dep.asText());
            }
        } else if (!deps.isMissingNode() && !(deps.isObject() && deps.isEmpty())) {
            throw bad(what, "dependencies must be a list of strings");
        }
        String format = tree.path("rockspec_format").isTextual() ? tree.get("rockspec_format").asText() : "1.0";
        return new Rockspec(name.toLowerCase(Locale.ROOT), version, format, dependencies, tree);
    }

    private static String text(JsonNode tree, String field, String what) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw bad(what, "it has no \"" + field + "\" string");
        }
        return node.asText();
    }

    static RockException bad(String what, String problem) {
        return new RockException(RockException.E_ROCKSPEC, what + " is not a valid rockspec: " + problem,
                List.of("check the rockspec with 'luarocks lint'"));
    }

    /** Return the rockspec's {@code build} table (an empty object when absent). */
    public JsonNode build() {
        JsonNode build = tree.path("build");
        return build.isObject() ? build : JsonNodeFactory.instance.objectNode();
    }

    /** Return a {@code description} field, or empty text. */
    public String description(String field) {
        JsonNode node = tree.path("description").path(field);
        return node.isTextual() ? node.asText() : "";
    }

    /** Return whether {@code rockspec_format} is at least {@code minimum}, compared as LuaRocks compares versions. */
    public boolean formatAtLeast(String minimum) {
        return RockVersion.parse(format).compareTo(RockVersion.parse(minimum)) >= 0;
    }

    /** Return the file name LuaRocks gives this rockspec: {@code NAME-VERSION.rockspec}. */
    public String fileName() {
        return name + "-" + version + ".rockspec";
    }
}
