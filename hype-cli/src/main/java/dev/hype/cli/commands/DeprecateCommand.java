package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.ops.DeprecateOperation;
import dev.hype.pm.ops.DeprecateOptions;
import dev.hype.pm.ops.DeprecateResult;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.semver.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Set or clear the deprecation message of published versions, as {@code npm deprecate} does. */
@Command(name = "deprecate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Mark the versions of NAME that match RANGE (all without one) deprecated with MESSAGE;",
            "an empty MESSAGE (\"\") removes the mark. Installs still work; 'hype pkg info' shows the message."})
public final class DeprecateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME[@RANGE]", description = "The package and the versions.")
    private String target;

    @Parameters(index = "1", paramLabel = "MESSAGE", description = "Why; \"\" to undeprecate.")
    private String message;

    @Mixin
    private TokenOptions registry;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        DeprecateResult result;
        try (RegistryClient client = registry.client()) {
            result = DeprecateOperation.run(new DeprecateOptions(target, message), client);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode().put("name", result.name())
                    .put("message", result.message());
            result.versions().forEach(v -> root.withArrayProperty("versions").add(v.toString()));
            out.println(root.toPrettyString());
        } else {
            String versions = String.join(", ", result.versions().stream().map(Version::toString).toList());
            out.println((result.message().isEmpty() ? "undeprecated " : "deprecated ") + result.name() + " " + versions);
        }
        out.flush();
        return 0;
    }
}
