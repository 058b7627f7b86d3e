package dev.hype.cli.commands;

import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import dev.hype.pm.semver.ReleaseType;
import dev.hype.pm.semver.SemverException;
import dev.hype.pm.semver.Version;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Print the versions that satisfy every range, as node-semver's {@code semver} command does. */
@Command(name = "semver", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the valid VERSIONs that satisfy every RANGE, sorted ascending, one a line.",
            "Exits 1 when none does. Mirrors node-semver's command line."})
public final class SemverCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-r", "--range"}, paramLabel = "RANGE", description = "Keep versions that satisfy RANGE (repeatable).")
    private List<String> ranges = new ArrayList<>();

    @Option(names = {"-p", "--include-prerelease"}, description = "Let prereleases satisfy ranges without a prerelease tag.")
    private boolean includePrerelease;

    @Option(names = {"-i", "--increment"}, arity = "0..1", fallbackValue = "patch", paramLabel = "LEVEL",
            description = "Increment the version: major, minor, patch, premajor, preminor, prepatch, prerelease, release (default patch).")
    private String increment;

    @Option(names = "--preid", paramLabel = "ID", description = "Identifier for prerelease increments.")
    private String preid;

    @Option(names = {"-c", "--coerce"}, description = "Coerce each argument into a version (e.g. 'v2' -> 2.0.0).")
    private boolean coerce;

    @Option(names = "--rtl", description = "With --coerce, take the right-most version in each argument.")
    private boolean rightToLeft;

    @Option(names = {"-l", "--loose"}, description = "Interpret versions and ranges loosely.")
    private boolean loose;

    @Option(names = "--json", description = "Print the versions as a JSON array.")
    private boolean json;

    @Parameters(paramLabel = "VERSION", arity = "0..*", description = "Versions to test.")
    private List<String> versions = new ArrayList<>();

    private static boolean isReleaseType(String word) {
        try {
            ReleaseType.parse(word);
            return true;
        } catch (SemverException e) {
            return false;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (spec.commandLine().getParseResult().matchedArgs().isEmpty()) {
            // No arguments at all: print the help, as node-semver's CLI does (exit 0); with
            // options but no versions, nothing satisfies them and the exit is 1, as there.
            spec.commandLine().usage(out);
            out.flush();
            return 0;
        }
        RangeOptions options = new RangeOptions(loose, includePrerelease);
        if (increment != null && !isReleaseType(increment)) {
            // Like node-semver, -i takes the next word as its level only when it names one.
            versions.add(0, increment);
            increment = "patch";
        }
        List<Version> kept = new ArrayList<>();
        for (String text : versions) {
            Optional<Version> version = coerce
                    ? Version.coerce(text, includePrerelease, rightToLeft)
                    : Version.tryParse(text, loose);
            version.ifPresent(kept::add);
        }
        if (kept.isEmpty()) {
            return 1;
        }
        if (increment != null && (kept.size() != 1 || !ranges.isEmpty())) {
            err.println("--inc can only be used on a single version with no range");
            return 1;
        }
        for (String text : ranges) {
            Range range;
            try {
                range = Range.parse(text, options);
            } catch (SemverException e) {
                return 1;
            }
            kept.removeIf(v -> !range.test(v));
            if (kept.isEmpty()) {
                return 1;
            }
        }
        kept.sort(Comparator.naturalOrder());
        List<String> lines = kept.stream().map(version -> (increment == null ? version
                : version.inc(ReleaseType.parse(increment), preid)).toString()).toList();
        if (json) {
            var array = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
            lines.forEach(array::add);
            out.println(array.toPrettyString());
        } else {
            lines.forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
