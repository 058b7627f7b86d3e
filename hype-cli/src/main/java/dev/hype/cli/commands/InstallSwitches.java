package dev.hype.cli.commands;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Choose what an install takes and what it may do, for {@code install} and {@code ci}. */
final class InstallSwitches {
    private static final String OFFLINE = "Never contact the registry: use only the cache ($HYPE_HOME/cache) and "
            + "the store; fail naming whatever is missing from them.";
    private static final String PRODUCTION = "Leave out what only devDependencies need.";
    private static final String DRY_RUN = "Resolve and print what would change; change nothing (no files, no "
            + "store, no lock).";
    private static final String JSON = "Print what changed as JSON instead of lines.";

    @Option(names = "--offline", description = OFFLINE)
    boolean offline;

    @Option(names = "--production", description = PRODUCTION)
    boolean production;

    @Mixin
    FeatureOptions features = new FeatureOptions();

    @Option(names = "--dry-run", description = DRY_RUN)
    boolean dryRun;

    @Option(names = "--json", description = JSON)
    boolean json;

    /** Add these options to a model built in code ({@link CommandModels}), as the annotations say. */
    void addTo(CommandSpec spec) {
        spec.addOption(CommandModels.flag("offline", () -> offline, value -> offline = value, "--offline")
                .description(OFFLINE).build());
        spec.addOption(CommandModels.flag("production", () -> production, value -> production = value, "--production")
                .description(PRODUCTION).build());
        features.addTo(spec);
        spec.addOption(CommandModels.flag("dryRun", () -> dryRun, value -> dryRun = value, "--dry-run")
                .description(DRY_RUN).build());
        spec.addOption(CommandModels.flag("json", () -> json, value -> json = value, "--json")
                .description(JSON).build());
    }
}
