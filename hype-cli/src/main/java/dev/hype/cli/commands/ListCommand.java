package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.ops.ListOperation;
import dev.hype.pm.ops.ListOptions;
import dev.hype.pm.ops.ListResult;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.semver.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** List installed packages, or with {@code --outdated} the direct dependencies a registry has newer versions of. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, sortOptions = false,
        description = {ListCommand.DESCRIPTION, ListCommand.DESCRIPTION_OUTDATED})
public final class ListCommand implements Callable<Integer> {
    static final String DESCRIPTION = "List the installed packages and their versions, direct or transitive.";
    static final String DESCRIPTION_OUTDATED =
            "With --outdated, show each direct dependency's current, wanted and latest version.";
    private static final String OUTDATED = "Ask the registry which direct dependencies have newer versions.";

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private RocksOptions rocks;

    @Option(names = "--outdated", description = OUTDATED)
    private boolean outdated;

    @Option(names = "--json", description = CommandModels.JSON)
    private boolean json;

    @Mixin
    private ProjectLocation location;

    /** Return this command's model, as its annotations would give it (see {@link CommandModels}). */
    CommandSpec model() {
        spec = CommandModels.command(this, "list", "ls");
        spec.usageMessage().sortOptions(false).description(DESCRIPTION, DESCRIPTION_OUTDATED);
        registry = new RegistryOptions();
        registry.addTo(spec);
        rocks = new RocksOptions();
        rocks.addTo(spec);
        spec.addOption(CommandModels.flag("outdated", () -> outdated, value -> outdated = value, "--outdated")
                .description(OUTDATED).build());
        spec.addOption(CommandModels.flag("json", () -> json, value -> json = value, "--json")
                .description(CommandModels.JSON).build());
        location = new ProjectLocation();
        location.addTo(spec);
        return CommandModels.withHelpOptions(spec);
    }

    @Override
    public Integer call() throws Exception {
        Path project = location.project();
        ListResult result;
        if (outdated) {
            try (RegistryClient client = registry.client(project, null)) {
                result = ListOperation.run(new ListOptions(project, client, rocks.repository(project)));
            }
        } else {
            result = ListOperation.run(new ListOptions(project, null));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(result)));
        } else if (outdated) {
            printOutdated(out, result.outdated());
        } else {
            for (ListResult.Entry p : result.packages()) {
                List<String> kinds = p.permissionKinds();
                out.println(p.name() + " " + p.version() + (p.direct() ? "" : " (transitive)")
                        + (kinds.isEmpty() ? "" : " (permissions: " + String.join(", ", kinds) + ")")
                        + (p.present() ? "" : " (missing from hype_modules)"));
            }
        }
        out.flush();
        return 0;
    }

    static void printOutdated(PrintWriter out, List<ListResult.Outdated> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String[] header = {"Package", "Current", "Wanted", "Latest"};
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        rows.forEach(r -> lines.add(new String[] {r.name(), text(r.current()), text(r.wanted()), text(r.latest())}));
        int[] widths = new int[header.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == line.length - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
            }
            out.println(text);
        }
    }

    private static String text(Version version) {
        return version == null ? "-" : version.toString();
    }

    /** Return the outdated rows as npm outdated --json shows them: name to range, current, wanted and latest. */
    static ObjectNode outdatedJson(ListResult result) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        for (ListResult.Outdated r : result.outdated()) {
            ObjectNode row = root.putObject(r.name());
            row.put("range", r.range());
            row.put("current", r.current() == null ? null : r.current().toString());
            row.put("wanted", r.wanted() == null ? null : r.wanted().toString());
            row.put("latest", r.latest() == null ? null : r.latest().toString());
        }
        return root;
    }

    private ObjectNode toJson(ListResult result) {
        if (outdated) {
            return outdatedJson(result);
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        ArrayNode packages = root.putArray("packages");
        for (ListResult.Entry p : result.packages()) {
            ObjectNode entry = packages.addObject().put("name", p.name()).put("version", p.version().toString())
                    .put("direct", p.direct()).put("installed", p.present());
            entry.set("permissions", p.permissions() == null ? null : p.permissions().toJson());
        }
        return root;
    }
}
