package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hype.pm.ops.TreeOperation;
import dev.hype.pm.ops.TreeOptions;
import dev.hype.pm.ops.TreeResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Explain why a package is installed: every path from the project to it, as {@code npm why} does. */
@Command(name = "why", aliases = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print every dependency path from the project to NAME, one a line",
            "(app@1.0.0 > json@2.0.0 > lpeg@1.1.0), from hype-lock.json. Same as 'hype pkg tree --invert NAME'."})
public final class WhyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "An installed package.")
    private String name;

    @Option(names = "--json", description = "Print the paths as JSON: a list of paths, each a list of {name, version}.")
    private boolean json;

    @Mixin
    private ProjectLocation location;

    @Override
    public Integer call() throws Exception {
        TreeResult result = TreeOperation.run(new TreeOptions(location.project(), null, -1, name));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode paths = new ObjectMapper().createArrayNode();
            for (List<TreeResult.Node> path : result.paths()) {
                ArrayNode steps = paths.addArray();
                path.forEach(step -> steps.addObject().put("name", step.name())
                        .put("version", step.version() == null ? null : step.version().toString()));
            }
            out.println(paths.toPrettyString());
        } else {
            result.paths().forEach(path -> out.println(path.stream()
                    .map(n -> n.version() == null ? n.name() : n.name() + "@" + n.version())
                    .collect(Collectors.joining(" > "))));
        }
        out.flush();
        return 0;
    }
}
