package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hype.pm.ops.RockInfoOperation;
import dev.hype.pm.ops.SearchOperation;
import dev.hype.pm.ops.SearchOptions;
import dev.hype.pm.ops.SearchResult;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.SearchHit;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.runtime.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Search the registry for packages. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search the registry by name, description and keywords.",
                "rocks:TEXT searches the LuaRocks servers for rocks whose name contains TEXT."})
public final class SearchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private RocksOptions rocks;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to look for.")
    private List<String> query;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N results (default: ${DEFAULT-VALUE}).")
    private int limit = 10;

    @Option(names = "--json", description = "Print the results as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 250) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 250, not " + limit);
        }
        SearchResult result;
        String text = String.join(" ", query);
        if (RockName.isRock(text)) {
            try (RockRepository repository = rocks.repository(Path.of("").toAbsolutePath())) {
                result = RockInfoOperation.search(RockName.rock(text).strip(), limit, repository);
            }
        } else {
            try (RegistryClient client = registry.client(Path.of("").toAbsolutePath(), null)) {
                result = SearchOperation.run(new SearchOptions(text, limit), client);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode hits = mapper.createArrayNode();
            for (SearchHit hit : result.hits()) {
                ArrayNode keywords = hits.addObject().put("name", hit.name()).put("version", hit.version())
                        .put("description", hit.description()).putArray("keywords");
                hit.keywords().forEach(keywords::add);
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(hits));
        } else if (result.hits().isEmpty()) {
            out.println("no packages match '" + String.join(" ", query) + "' in " + result.registry());
        } else {
            // A registry's names, versions and descriptions are untrusted: shown with control characters escaped.
            List<SearchHit> hits = result.hits().stream().map(h -> new SearchHit(TerminalText.escape(h.name()),
                    TerminalText.escape(h.version()), TerminalText.escape(h.description()), h.keywords())).toList();
            int width = Math.max(4, hits.stream().mapToInt(h -> h.name().length()).max().orElse(4));
            int versionWidth = Math.max(7, hits.stream().mapToInt(h -> h.version().length()).max().orElse(7));
            out.println(String.format("%-" + width + "s  %-" + versionWidth + "s  %s", "NAME", "VERSION", "DESCRIPTION"));
            for (SearchHit hit : hits) {
                out.println(String.format("%-" + width + "s  %-" + versionWidth + "s  %s", hit.name(), hit.version(),
                        hit.description()).stripTrailing());
            }
        }
        out.flush();
        return 0;
    }
}
