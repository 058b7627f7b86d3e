package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.pm.ops.InitOperation;
import dev.hype.pm.ops.InitOptions;
import dev.hype.pm.ops.InitResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Create a new package. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create hype.json, index.lua, a test spec and a .gitignore.",
                "Refuses to overwrite an existing hype.json."})
public final class InitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The package name (default: the directory name).")
    private String name;

    @Option(names = "--path", paramLabel = "DIR", converter = PathArguments.OutputDirectory.class, description = "Create the package in DIR (default: current directory).")
    private Path path = Path.of("");

    @Option(names = "--json", description = "Print what was created as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        InitResult result = InitOperation.run(new InitOptions(path.toAbsolutePath(), name));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("name", result.name())
                    .put("directory", result.directory().toString());
            result.created().forEach(root.putArray("created")::add);
            out.println(root.toPrettyString());
            out.flush();
            return 0;
        }
        out.println("created " + result.name() + " in " + result.directory() + ": " + String.join(", ", result.created()));
        out.flush();
        return 0;
    }
}
