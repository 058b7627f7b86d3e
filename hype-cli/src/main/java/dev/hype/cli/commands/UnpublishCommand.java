package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.manifest.ProjectDirectory;
import dev.hype.pm.ops.UnpublishOperation;
import dev.hype.pm.ops.UnpublishOptions;
import dev.hype.pm.ops.UnpublishResult;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.semver.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Remove a published version or a whole package from its registry, as {@code npm unpublish} does. */
@Command(name = "unpublish", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Remove NAME@VERSION from the registry; with NAME alone (default: this project's package)",
            "and --force, remove every version. Removing the last version also needs --force.",
            "The registry never accepts a removed version again."})
public final class UnpublishCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME[@VERSION]", arity = "0..1", description = "What to remove.")
    private String target;

    @Option(names = "--force", description = "Allow removing the whole package, or its last version.")
    private boolean force;

    @Mixin
    private TokenOptions registry;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        String what = target != null ? target : Manifest.read(ProjectDirectory.require(Path.of(""))).name();
        UnpublishResult result;
        try (RegistryClient client = registry.client()) {
            result = UnpublishOperation.run(new UnpublishOptions(what, force), client);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode().put("name", result.name())
                    .put("wholePackage", result.wholePackage());
            result.versions().forEach(v -> root.withArrayProperty("versions").add(v.toString()));
            out.println(root.toPrettyString());
        } else {
            out.println("- " + result.name() + (result.wholePackage() && result.versions().size() != 1 ? ""
                    : "@" + String.join(", ", result.versions().stream().map(Version::toString).toList())));
        }
        out.flush();
        return 0;
    }
}
