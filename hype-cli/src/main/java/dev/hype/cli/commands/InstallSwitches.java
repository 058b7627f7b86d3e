package dev.hype.cli.commands;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Choose what an install takes and what it may do, for {@code install} and {@code ci}. */
final class InstallSwitches {
    @Option(names = "--offline", description = "Never contact the registry: use only the cache ($HYPE_HOME/cache) and "
            + "the store; fail naming whatever is missing from them.")
    boolean offline;

    @Option(names = "--production", description = "Leave out what only devDependencies need.")
    boolean production;

    @Mixin
    FeatureOptions features = new FeatureOptions();

    @Option(names = "--dry-run", description = "Resolve and print what would change; change nothing (no files, no "
            + "store, no lock).")
    boolean dryRun;

    @Option(names = "--json", description = "Print what changed as JSON instead of lines.")
    boolean json;
}
