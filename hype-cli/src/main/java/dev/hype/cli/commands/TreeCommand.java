package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.ops.TreeOperation;
import dev.hype.pm.ops.TreeOptions;
import dev.hype.pm.ops.TreeResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Print the dependency tree from the lockfile, or why one package is installed. */
@Command(name = "tree", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the dependency tree recorded in hype-lock.json, root first, children sorted.",
            "A package already shown is marked (deduped) and not expanded again.",
            "With -e features, each package shows its enabled features and what enabled each: a dependent's name",
            "(its declaration asked), or NAME/FEATURE (a feature of that package enabled it)."})
public final class TreeCommand implements Callable<Integer> {
    /** Built only for {@code --json}: an {@code ObjectMapper} costs more at start-up than the plain tree. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Root the tree at this installed package.")
    private String start;

    @Option(names = "--depth", paramLabel = "N", description = "Show at most N levels below the root.")
    private Integer depth;

    @Option(names = "--invert", paramLabel = "NAME", description = "Show the paths from the project to NAME instead.")
    private String invert;

    @Option(names = {"-e", "--edges"}, split = ",", paramLabel = "KIND",
            description = "What to show besides dependencies: 'features' adds each package's enabled features and"
                    + " what enabled them ('normal', the default, adds nothing).")
    private List<String> edges = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Mixin
    private ProjectLocation location;

    @Override
    public Integer call() throws Exception {
        if (depth != null && depth < 0) {
            throw new ParameterException(spec.commandLine(), "--depth must be 0 or more");
        }
        for (String kind : edges) {
            if (!kind.equals("features") && !kind.equals("normal")) {
                throw new ParameterException(spec.commandLine(), "-e/--edges: unknown kind '" + kind
                        + "' (expected features or normal)");
            }
        }
        boolean features = edges.contains("features");
        TreeResult result = TreeOperation.run(new TreeOptions(location.project(), start,
                depth == null ? -1 : depth, invert));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonNode node = invert != null ? paths(result.paths(), features) : node(result.root(), features);
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } else if (invert != null) {
            result.paths().forEach(path -> out.println(path.stream().map(n -> label(n, features))
                    .collect(Collectors.joining(" > "))));
        } else {
            out.println(label(result.root(), features));
            print(out, result.root().children(), "", features);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, List<TreeResult.Node> nodes, String indent, boolean features) {
        for (int i = 0; i < nodes.size(); i++) {
            boolean last = i == nodes.size() - 1;
            TreeResult.Node node = nodes.get(i);
            out.println(indent + (last ? "└── " : "├── ") + label(node, features) + (node.deduped() ? " (deduped)" : ""));
            print(out, node.children(), indent + (last ? "    " : "│   "), features);
        }
    }

    /** Label a package {@code name@version}, with {@code [feature (enabler, ...), ...]} when features are shown. */
    private static String label(TreeResult.Node node, boolean features) {
        String label = node.version() == null ? node.name() : node.name() + "@" + node.version();
        if (!features || node.features().isEmpty()) {
            return label;
        }
        return label + " [" + node.features().entrySet().stream()
                .map(e -> e.getKey() + (e.getValue().isEmpty() ? "" : " (" + String.join(", ", e.getValue()) + ")"))
                .collect(Collectors.joining(", ")) + "]";
    }

    private static ObjectNode node(TreeResult.Node node, boolean features) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("name", node.name());
        json.put("version", node.version() == null ? null : node.version().toString());
        if (node.deduped()) {
            json.put("deduped", true);
        }
        if (features) {
            features(json, node);
        }
        ArrayNode children = json.putArray("dependencies");
        node.children().forEach(child -> children.add(node(child, features)));
        return json;
    }

    private static void features(ObjectNode json, TreeResult.Node node) {
        ObjectNode features = json.putObject("features");
        node.features().forEach((feature, who) -> {
            ArrayNode enablers = features.putArray(feature);
            who.forEach(enablers::add);
        });
    }

    private static ArrayNode paths(List<List<TreeResult.Node>> paths, boolean features) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (List<TreeResult.Node> path : paths) {
            ArrayNode steps = array.addArray();
            for (TreeResult.Node step : path) {
                ObjectNode json = steps.addObject().put("name", step.name())
                        .put("version", step.version() == null ? null : step.version().toString());
                if (features) {
                    features(json, step);
                }
            }
        }
        return array;
    }
}
