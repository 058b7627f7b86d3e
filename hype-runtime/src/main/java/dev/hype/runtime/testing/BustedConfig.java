package dev.hype.runtime.testing;

import dev.hype.runtime.HypeException;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.engine.ScriptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a busted {@code .busted} file the runner honours, read from its {@code _all} task
 * with {@code default} on top: {@code ROOT}, {@code pattern}, {@code exclude-pattern},
 * {@code lpath}, {@code helper}, {@code tags}, {@code exclude-tags}, {@code filter} and
 * {@code filter-out}. Packages tested with busted keep their configuration.
 *
 * @param roots           directories to search for test files, relative to the package root
 * @param patterns        Lua patterns a test file's name must match (busted's default: {@code _spec})
 * @param excludePatterns Lua patterns that exclude a file by name
 * @param luaPath         entries to put before {@code package.path}, relative ones made absolute
 * @param helper          a file to run before each test file
 * @param tags            tags to run
 * @param excludeTags     tags to skip
 * @param filters         Lua patterns of full names to run
 * @param filtersOut      Lua patterns of full names to skip
 */
public record BustedConfig(List<String> roots, List<String> patterns, List<String> excludePatterns, String luaPath,
                           Optional<Path> helper, List<String> tags, List<String> excludeTags, List<String> filters,
                           List<String> filtersOut) {
    /** The file busted reads its configuration from. */
    public static final String FILE_NAME = ".busted";

    private static final String READER = """
            local n = ...
            local chunk = assert(loadfile(n.path()))
            local config = chunk()
            if type(config) ~= "table" then return end
            local function put(task)
              if type(task) ~= "table" then return end
              for _, key in ipairs({ "ROOT", "pattern", "exclude-pattern", "lpath", "helper", "tags",
                  "exclude-tags", "filter", "filter-out" }) do
                local v = task[key]
                if type(v) == "string" then
                  n.set(key, v)
                elseif type(v) == "table" then
                  local parts = {}
                  for _, item in ipairs(v) do parts[#parts + 1] = tostring(item) end
                  n.set(key, table.concat(parts, "\\n"))
                end
              end
            end
            put(config._all)
            put(config.default)
            """;

    private static final String MATCHER = """
            local n = ...
            local patterns, excludes = {}, {}
            for p in n.patterns():gmatch("[^\\n]+") do patterns[#patterns + 1] = p end
            for p in n.excludes():gmatch("[^\\n]+") do excludes[#excludes + 1] = p end
            for i = 1, n.count() do
              local name = n.name(i)
              local keep = false
              for _, p in ipairs(patterns) do if name:find(p) then keep = true break end end
              for _, p in ipairs(excludes) do if name:find(p) then keep = false break end end
              if keep then n.keep(i) end
            end
            """;

    /** Copy the lists on the way in. */
    public BustedConfig {
        roots = List.copyOf(roots);
        patterns = List.copyOf(patterns);
        excludePatterns = List.copyOf(excludePatterns);
        tags = List.copyOf(tags);
        excludeTags = List.copyOf(excludeTags);
        filters = List.copyOf(filters);
        filtersOut = List.copyOf(filtersOut);
    }

    /** Return an empty configuration: busted's defaults. */
    public static BustedConfig none() {
        return new BustedConfig(List.of(), List.of(), List.of(), "", Optional.empty(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** Read {@code .busted} from the package root, or return {@link #none()} when there is none. */
    public static BustedConfig read(Path root) {
        Path file = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        Map<String, String> values = new HashMap<>();
        Map<String, JavaFunction> natives = new HashMap<>();
        natives.put("path", s -> {
            s.pushString(file.toString());
            return 1;
        });
        natives.put("set", s -> {
            values.put(s.toText(1), s.toText(2));
            return 0;
        });
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.install(null, Chunk.ofText(READER, "hype .busted"), natives);
        } catch (IllegalStateException | ScriptException e) {
            throw new HypeException("E_BUSTED_CONFIG", "cannot read " + file + ": " + e.getMessage(), List.of());
        }
        String lpath = values.getOrDefault("lpath", "");
        List<String> entries = new ArrayList<>();
        for (String entry : lpath.split(";")) {
            if (!entry.isBlank()) {
                entries.add(absolute(root, entry.strip()));
            }
        }
        Optional<Path> helper = Optional.ofNullable(values.get("helper")).map(h -> root.resolve(h).normalize());
        return new BustedConfig(lines(values.get("ROOT")), lines(values.get("pattern")),
                lines(values.get("exclude-pattern")), String.join(";", entries), helper, csv(values.get("tags")),
                csv(values.get("exclude-tags")), lines(values.get("filter")), lines(values.get("filter-out")));
    }

    /** Return whether the configuration changes which files are test files. */
    public boolean choosesFiles() {
        return !roots.isEmpty() || !patterns.isEmpty() || !excludePatterns.isEmpty();
    }

    /** Return which of the file names match the patterns (busted's default {@code _spec}) and no exclusion. */
    List<Boolean> matchNames(List<String> names) {
        List<Boolean> kept = new ArrayList<>();
        names.forEach(n -> kept.add(false));
        Map<String, JavaFunction> natives = new HashMap<>();
        natives.put("patterns", s -> {
            s.pushString(String.join("\n", patterns.isEmpty() ? List.of("_spec") : patterns));
            return 1;
        });
        natives.put("excludes", s -> {
            s.pushString(String.join("\n", excludePatterns));
            return 1;
        });
        natives.put("count", s -> {
            s.pushInteger(names.size());
            return 1;
        });
        natives.put("name", s -> {
            s.pushString(names.get((int) s.toInteger(1) - 1));
            return 1;
        });
        natives.put("keep", s -> {
            kept.set((int) s.toInteger(1) - 1, true);
            return 0;
        });
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.install(null, Chunk.ofText(MATCHER, "hype .busted patterns"), natives);
        } catch (IllegalStateException e) {
            throw new HypeException("E_BUSTED_CONFIG", "bad pattern in " + FILE_NAME + ": " + e.getMessage(), List.of());
        }
        return kept;
    }

    private static String absolute(Path root, String entry) {
        String e = entry.replace('\\', '/');
        if (e.startsWith("/") || e.matches("^[A-Za-z]:/.*")) {
            return e;
        }
        while (e.startsWith("./")) {
            e = e.substring(2);
        }
        return root.toAbsolutePath().normalize().toString().replace('\\', '/') + "/" + e;
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : List.of(value.split("\n"));
    }

    private static List<String> csv(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split("[,\n]")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
