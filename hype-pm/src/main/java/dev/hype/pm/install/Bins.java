package dev.hype.pm.install;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.BinRules;
import dev.hype.runtime.TerminalText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read a package's {@code bin} entries from its {@code hype.json} and check each one: a command name that is one
 * safe file name, and a target that is a file inside the package.
 *
 * <p>The rules are {@link BinRules}'. An entry that fails them is left out, with the reason, so the package still
 * installs.
 *
 * @param packageName the package the entries belong to
 * @param commands the entries that passed, command name to target relative to the package directory
 * @param problems why each other entry was left out, one sentence each, escaped for a terminal
 */
public record Bins(String packageName, Map<String, String> commands, List<String> problems) {
    /** Copy the collections. */
    public Bins {
        commands = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(commands));
        problems = List.copyOf(problems);
    }

    /** Return the bins of {@code manifest}, the {@code hype.json} of {@code packageName}; none when it is null. */
    public static Bins of(JsonNode manifest, String packageName) {
        Map<String, String> commands = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        JsonNode bin = manifest == null ? null : manifest.get("bin");
        if (bin == null || bin.isNull()) {
            return new Bins(packageName, commands, problems);
        }
        if (bin.isTextual()) {
            add(packageName.substring(packageName.indexOf('/') + 1), bin.textValue(), packageName, commands, problems);
        } else if (bin.isObject()) {
            bin.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    add(e.getKey(), e.getValue().textValue(), packageName, commands, problems);
                } else {
                    problems.add("bin '" + TerminalText.escape(e.getKey()) + "' of " + packageName
                            + " is not linked: its target is not a string");
                }
            });
        } else {
            problems.add("the bin field of " + packageName + " is neither a string nor an object; no command is linked");
        }
        return new Bins(packageName, commands, problems);
    }

    /** Read the bins of the package unpacked in {@code packageDirectory}. */
    public static Bins read(Path packageDirectory, String packageName) {
        return of(InstallMarker.readJson(packageDirectory.resolve("hype.json")), packageName);
    }

    private static void add(String name, String target, String packageName, Map<String, String> commands,
                            List<String> problems) {
        String problem = BinRules.nameProblem(name);
        if (problem == null) {
            problem = BinRules.targetProblem(target);
        }
        if (problem != null) {
            problems.add("bin '" + TerminalText.escape(name) + "' of " + packageName + " is not linked: " + problem);
            return;
        }
        commands.put(name, BinRules.normalise(target));
    }

    /** Return one line listing the commands, as install shows them: {@code commands: a, b}, or empty. */
    public List<String> describe() {
        return commands.isEmpty() ? List.of()
                : List.of("commands (hype_modules/.bin, run as " + packageName + " with its permissions): "
                        + String.join(", ", commands.keySet()));
    }
}
