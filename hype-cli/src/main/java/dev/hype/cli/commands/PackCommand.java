package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.ops.PackOperation;
import dev.hype.pm.ops.PackOptions;
import dev.hype.pm.ops.PackOutcome;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.PackedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Pack the project into {@code <name>-<version>.tgz}. */
@Command(name = "pack", aliases = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validate hype.json, check that every .lua file compiles, and write <name>-<version>.tgz",
            "(scoped: scope-name-version.tgz). Prints the files, the integrity and the shasum."})
public final class PackCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dry-run", description = "Check and list everything, write nothing.")
    private boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Option(names = "--out", paramLabel = "DIR", converter = PathArguments.OutputDirectory.class, description = "Write the tarball into DIR (default: the project directory).")
    private Path out;

    @Mixin
    private ProjectLocation location;

    @Override
    public Integer call() throws Exception {
        Path project = location.project();
        PackOutcome outcome = PackOperation.run(new PackOptions(project, out == null ? project : out.toAbsolutePath(), dryRun));
        PrintWriter printer = spec.commandLine().getOut();
        printer.print(json ? toJson(outcome) + "\n" : toText(outcome));
        printer.flush();
        return 0;
    }

    static String toText(PackOutcome outcome) {
        PackResult packed = outcome.packed();
        StringBuilder text = new StringBuilder("package: " + packed.name() + "@" + packed.version() + "\n");
        for (PackedFile file : packed.files()) {
            text.append(String.format("%10s  %s%n", Sizes.format(file.size()), file.path()));
        }
        text.append("files: ").append(packed.files().size()).append(", unpacked size: ")
                .append(Sizes.format(packed.unpackedSize())).append('\n');
        text.append("tarball: ").append(packed.fileName()).append(" (").append(Sizes.format(packed.tarball().length))
                .append(")\n");
        text.append("integrity: ").append(packed.integrity().sri()).append('\n');
        text.append("shasum: ").append(packed.shasum().hex()).append('\n');
        text.append(outcome.written() == null ? "dry run: nothing written\n" : "wrote " + outcome.written() + "\n");
        return text.toString();
    }

    private static String toJson(PackOutcome outcome) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        PackResult packed = outcome.packed();
        ObjectNode root = mapper.createObjectNode();
        root.put("name", packed.name());
        root.put("version", packed.version());
        root.put("filename", packed.fileName());
        root.put("size", packed.tarball().length);
        root.put("unpackedSize", packed.unpackedSize());
        root.put("integrity", packed.integrity().sri());
        root.put("shasum", packed.shasum().hex());
        root.put("path", outcome.written() == null ? null : outcome.written().toString());
        ArrayNode files = root.putArray("files");
        for (PackedFile file : packed.files()) {
            files.addObject().put("path", file.path()).put("size", file.size()).put("mode", file.executable() ? 493 : 420);
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
