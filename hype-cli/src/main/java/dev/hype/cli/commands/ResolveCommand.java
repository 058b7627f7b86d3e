package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.ops.ResolveOperation;
import dev.hype.pm.ops.ResolveOptions;
import dev.hype.pm.ops.ResolveResult;
import dev.hype.pm.resolve.Resolution;
import dev.hype.pm.resolve.ResolutionException;
import dev.hype.runtime.HypeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Resolve the project's dependencies and print them in install order. */
@Command(name = "resolve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resolve the hype.json in the current directory and print name@version a line, "
                + "dependencies first.", "On a conflict, print why no solution exists and exit 1."})
public final class ResolveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--index", paramLabel = "FILE", required = true, converter = PathArguments.InputFile.class,
            description = "Read available packages from a static JSON index: "
                    + "{\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"b\": \"^1.0\"}}}}}.")
    private Path index;

    @Option(names = "--json", description = "Print the resolution as JSON.")
    private boolean json;

    @Option(names = "--production", description = "Leave out devDependencies.")
    private boolean production;

    @Mixin
    private FeatureOptions features;

    @Mixin
    private ProjectLocation location;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ResolveOptions options = new ResolveOptions(location.project(), index.toAbsolutePath(), null, !production,
                features.selection(false), Map.of());
        ResolveResult result;
        try {
            result = ResolveOperation.run(options);
        } catch (ResolutionException e) {
            if (json) {
                ObjectNode failure = new ObjectMapper().createObjectNode();
                failure.put("error", e.code());
                failure.put("explanation", e.explanation());
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(failure));
                out.flush();
                return 1;
            }
            throw e;
        }
        Resolution resolution = result.resolution();
        if (json) {
            out.println(toJson(resolution));
        } else {
            for (String name : resolution.installOrder()) {
                var features = resolution.features().getOrDefault(name, Map.of()).keySet();
                out.println(name + "@" + resolution.versions().get(name)
                        + (features.isEmpty() ? "" : " [" + String.join(", ", features) + "]"));
            }
        }
        out.flush();
        return 0;
    }

    private static String toJson(Resolution resolution) throws HypeException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode packages = root.putArray("packages");
        for (String name : resolution.installOrder()) {
            ObjectNode entry = packages.addObject();
            entry.put("name", name);
            entry.put("version", resolution.versions().get(name).toString());
            ArrayNode deps = entry.putArray("dependencies");
            resolution.dependencies().getOrDefault(name, List.of()).forEach(deps::add);
            ObjectNode features = entry.putObject("features");
            resolution.features().getOrDefault(name, Map.of())
                    .forEach((feature, who) -> who.forEach(features.putArray(feature)::add));
        }
        ArrayNode cycles = root.putArray("cycles");
        resolution.cycles().forEach(cycle -> {
            ArrayNode group = cycles.addArray();
            cycle.forEach(group::add);
        });
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
