package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.cli.HypeCommand;
import dev.hype.pm.install.PermissionRequest;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.ops.InstallResult;
import dev.hype.pm.ops.PackageChange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** Print what an install, remove or clean install did (or on a dry run would do), as lines or as JSON. */
final class InstallOutput {
    private InstallOutput() {
    }

    /** Return the progress reporter for the command {@code spec} runs: a bar on a terminal, plain lines otherwise. */
    static Reporter reporter(CommandSpec spec) {
        return ProgressBar.forTerminal(spec.commandLine().getErr(),
                ((HypeCommand) spec.root().userObject()).terminal().interactive());
    }

    /** Print {@code result}: {@code + name version}, {@code ~ name a -> b}, {@code - name}, then the summary. */
    static void print(CommandSpec spec, InstallResult result, Path project, boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result, project).toPrettyString());
            out.flush();
            return;
        }
        if (result.manifestCreated()) {
            out.println((result.dryRun() ? "would create " : "created ") + project.resolve("hype.json")
                    + " (there was no hype.json here or in any folder above)");
        }
        Map<String, PackageChange> moves = result.versions().stream()
                .collect(Collectors.toMap(PackageChange::name, Function.identity()));
        result.added().forEach(name -> out.println("+ " + name + version(moves.get(name), false)));
        result.changed().forEach(name -> out.println("~ " + name + version(moves.get(name), true)));
        result.removed().forEach(name -> out.println("- " + name));
        out.println(result.summary());
        out.flush();
    }

    private static String version(PackageChange change, boolean both) {
        if (change == null || change.to() == null) {
            return "";
        }
        return both && change.from() != null ? " " + change.from() + " -> " + change.to() : " " + change.to();
    }

    /** Return the result as JSON, the shape {@code install --json} documents. */
    static ObjectNode toJson(InstallResult result, Path project) {
        // A node factory, not an ObjectMapper: building one costs a no-op install more than its own work.
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("project", project.toString());
        root.put("dryRun", result.dryRun());
        root.put("manifestCreated", result.manifestCreated());
        result.added().forEach(root.putArray("added")::add);
        result.changed().forEach(root.putArray("changed")::add);
        result.removed().forEach(root.putArray("removed")::add);
        ArrayNode versions = root.putArray("versions");
        for (PackageChange change : result.versions()) {
            versions.addObject().put("name", change.name())
                    .put("from", change.from() == null ? null : change.from().toString())
                    .put("to", change.to() == null ? null : change.to().toString());
        }
        root.put("installed", result.installed());
        root.put("lockfileChanged", result.lockfileChanged());
        root.put("durationMs", result.duration().toMillis());
        ArrayNode approved = root.putArray("approved");
        for (PermissionRequest request : result.approved()) {
            ObjectNode entry = approved.addObject().put("name", request.name())
                    .put("version", request.version().toString());
            entry.set("permissions", request.requested().toJson());
        }
        return root;
    }
}
