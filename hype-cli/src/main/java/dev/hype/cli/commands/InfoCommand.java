package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.ops.InfoOperation;
import dev.hype.pm.ops.InfoOptions;
import dev.hype.pm.ops.InfoResult;
import dev.hype.pm.ops.RockInfoOperation;
import dev.hype.pm.ops.RockInfoResult;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.resolve.NpmDependencyForm;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.TerminalText;
import dev.hype.runtime.permissions.PermissionSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Describe a package from its registry. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {InfoCommand.DESCRIPTION, InfoCommand.DESCRIPTION_RANGE, InfoCommand.DESCRIPTION_ROCKS})
public final class InfoCommand implements Callable<Integer> {
    static final String DESCRIPTION = "Show a package's description, versions, dist-tags, dependencies, features,"
            + " permissions, license and integrity.";
    static final String DESCRIPTION_RANGE =
            "With NAME@RANGE, list the versions that satisfy RANGE, as 'npm view NAME@RANGE version' does.";
    static final String DESCRIPTION_ROCKS = "rocks:NAME[@CONSTRAINT] asks the LuaRocks servers about a rock instead.";
    private static final String PACKAGE = "The package, optionally with a version range or dist-tag.";
    private static final String PREFER_ONLINE = "Ask the registry even while the cached package document is fresh.";

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private RocksOptions rocks;

    @Parameters(paramLabel = "NAME[@RANGE]", description = PACKAGE)
    private String packageSpec;

    @Option(names = "--json", description = CommandModels.JSON)
    private boolean json;

    @Option(names = "--prefer-online", description = PREFER_ONLINE)
    private boolean preferOnline;

    /** Return this command's model, as its annotations would give it (see {@link CommandModels}). */
    CommandSpec model() {
        spec = CommandModels.command(this, "info");
        spec.usageMessage().sortOptions(false).description(DESCRIPTION, DESCRIPTION_RANGE, DESCRIPTION_ROCKS);
        registry = new RegistryOptions();
        registry.addTo(spec);
        rocks = new RocksOptions();
        rocks.addTo(spec);
        spec.addPositional(CommandModels.positional(String.class, () -> packageSpec, value -> packageSpec = value)
                .paramLabel("NAME[@RANGE]").index("0").arity("1").required(true).description(PACKAGE).build());
        spec.addOption(CommandModels.flag("json", () -> json, value -> json = value, "--json")
                .description(CommandModels.JSON).build());
        spec.addOption(CommandModels.flag("preferOnline", () -> preferOnline, value -> preferOnline = value,
                "--prefer-online").description(PREFER_ONLINE).build());
        return CommandModels.withHelpOptions(spec);
    }

    @Override
    public Integer call() throws Exception {
        if (RockName.isRock(packageSpec)) {
            return rockInfo();
        }
        InfoResult result;
        try (RegistryClient client = registry.viewClient(Path.of("").toAbsolutePath(), preferOnline)) {
            result = InfoOperation.run(new InfoOptions(packageSpec), client);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(result)));
        } else if (result.matching() != null) {
            result.matching().forEach(out::println);
            if (result.matching().isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(TerminalText.escape("no version of " + result.name() + " satisfies " + result.selector()
                        + "; published: " + String.join(", ",
                        result.packument().versions().stream().sorted().map(Version::toString).toList())));
                err.flush();
            }
        } else {
            // Everything but the layout comes from the registry: control characters are shown escaped.
            out.print(TerminalText.escapeKeepingLines(toText(result)));
        }
        out.flush();
        return result.matching() != null && result.matching().isEmpty() ? 1 : 0;
    }

    private int rockInfo() throws Exception {
        RockInfoResult result;
        try (RockRepository repository = rocks.repository(Path.of("").toAbsolutePath())) {
            result = RockInfoOperation.info(packageSpec, repository);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> versions = result.versions().stream().map(RockVersion::text).toList();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("name", result.name());
            versions.forEach(root.putArray("versions")::add);
            if (result.matching() != null) {
                result.matching().forEach(v -> root.withArray("matching").add(v.text()));
            }
            root.put("version", result.shown() == null ? null : result.shown().text());
            if (result.rockspec() != null) {
                root.put("description", result.rockspec().description("summary").strip());
                root.put("license", result.rockspec().description("license"));
                result.rockspec().dependencies().forEach(root.putArray("dependencies")::add);
                result.arches().stream().sorted().forEach(root.putArray("forms")::add);
                root.put("server", result.server().toString());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            out.flush();
            return result.shown() == null ? 1 : 0;
        }
        if (result.shown() == null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("no version of " + result.name() + " satisfies " + result.selector() + "; published: "
                    + String.join(", ", versions));
            err.flush();
            return 1;
        }
        if (result.matching() != null) {
            result.matching().forEach(v -> out.println(v.text()));
            out.flush();
            return 0;
        }
        out.print(RockInfoText.render(result));
        out.flush();
        return 0;
    }

    private static String toText(InfoResult result) {
        StringBuilder text = new StringBuilder();
        JsonNode version = result.version();
        String shown = result.shown() == null ? "" : "@" + result.shown();
        text.append(result.name()).append(shown);
        if (version != null && version.path("license").isTextual()) {
            text.append(" | ").append(version.get("license").asText());
        }
        text.append(" | versions: ").append(result.packument().versions().size()).append('\n');
        if (version != null && version.path("deprecated").isTextual() && !version.get("deprecated").asText().isEmpty()) {
            text.append("deprecated: ").append(version.get("deprecated").asText()).append('\n');
        }
        result.packument().description().ifPresent(d -> text.append(d).append('\n'));
        text.append("\ndist-tags:\n");
        result.packument().distTags().forEach((tag, v) -> text.append("  ").append(tag).append(": ").append(v).append('\n'));
        text.append("\nversions: ").append(String.join(", ",
                result.packument().versions().stream().sorted().map(Version::toString).toList())).append('\n');
        if (version != null) {
            JsonNode deps = NpmDependencyForm.section(version, "dependencies");
            text.append("\ndependencies:").append(deps.isEmpty() ? " none\n" : "\n");
            deps.properties().forEach(e -> text.append("  ").append(e.getKey()).append(": ")
                    .append(VersionFeatures.dependency(e.getValue())).append('\n'));
            JsonNode optional = NpmDependencyForm.section(version, "optionalDependencies");
            if (!optional.isEmpty()) {
                text.append("\noptional dependencies:\n");
                optional.properties().forEach(e -> text.append("  ").append(e.getKey()).append(": ")
                        .append(VersionFeatures.dependency(e.getValue())).append('\n'));
            }
            List<String> features = VersionFeatures.lines(version);
            text.append("\nfeatures:").append(features.isEmpty() ? " none\n" : "\n");
            features.forEach(line -> text.append("  ").append(line).append('\n'));
            permissions(text, version);
            JsonNode dist = version.path("dist");
            text.append("\ndist:\n");
            for (String field : List.of("tarball", "integrity", "shasum")) {
                if (dist.path(field).isTextual()) {
                    text.append("  ").append(field).append(": ").append(dist.get(field).asText()).append('\n');
                }
            }
        }
        text.append("\nregistry: ").append(result.registry()).append('\n');
        return text.toString();
    }

    /** Append what the version asks to do at run time, as install shows it for approval. */
    private static void permissions(StringBuilder text, JsonNode version) {
        List<String> lines;
        try {
            lines = PermissionSpec.fromJson(version.get("permissions")).describe();
        } catch (IllegalArgumentException e) {
            text.append("\npermissions: unreadable (").append(e.getMessage()).append(")\n");
            return;
        }
        text.append("\npermissions:").append(lines.isEmpty() ? " none\n" : "\n");
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }

    private static ObjectNode toJson(InfoResult result) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("name", result.name());
        root.put("description", result.packument().description().orElse(null));
        ObjectNode tags = root.putObject("dist-tags");
        for (Map.Entry<String, String> tag : result.packument().distTags().entrySet()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        ArrayNode versions = root.putArray("versions");
        result.packument().versions().stream().sorted().forEach(v -> versions.add(v.toString()));
        if (result.matching() != null) {
            ArrayNode matching = root.putArray("matching");
            result.matching().forEach(v -> matching.add(v.toString()));
        }
        root.put("version", result.shown());
        JsonNode version = result.version();
        if (version != null) {
            root.set("license", version.path("license").isMissingNode() ? null : version.get("license"));
            JsonNode deps = NpmDependencyForm.section(version, "dependencies");
            JsonNode optional = NpmDependencyForm.section(version, "optionalDependencies");
            root.set("dependencies", deps.isObject() ? deps : mapper.createObjectNode());
            root.set("optionalDependencies", optional.isObject() ? optional : mapper.createObjectNode());
            root.set("features", version.path("features").isObject() ? version.get("features")
                    : mapper.createObjectNode());
            root.set("permissions", version.path("permissions").isObject() ? version.get("permissions")
                    : mapper.createObjectNode());
            root.set("dist", version.path("dist"));
            if (version.path("deprecated").isTextual()) {
                root.put("deprecated", version.get("deprecated").asText());
            }
        }
        root.put("registry", result.registry().toString());
        return root;
    }
}
