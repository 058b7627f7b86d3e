package dev.hype.cli.commands;

import dev.hype.pm.resolve.FeatureSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Choose which of the project's own features a package command enables, as Cargo's feature flags do. */
final class FeatureOptions {
    @Option(names = {"-F", "--features"}, split = ",", paramLabel = "NAME",
            description = "Enable these features of the project (comma-separated); DEP/FEATURE enables a feature of a"
                    + " dependency.")
    private List<String> features = new ArrayList<>();

    @Option(names = "--no-default-features", description = "Do not enable the project's default feature.")
    private boolean noDefaultFeatures;

    @Option(names = "--all-features", description = "Enable every feature of the project.")
    private boolean allFeatures;

    /**
     * Return the selection; with no feature flag at all, {@link FeatureSelection#LOCKED} when {@code keepLocked}
     * (an install keeps what hype-lock.json records), else the default features.
     */
    FeatureSelection selection(boolean keepLocked) {
        if (features.isEmpty() && !noDefaultFeatures && !allFeatures) {
            return keepLocked ? FeatureSelection.LOCKED : FeatureSelection.DEFAULT;
        }
        List<String> names = features.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
        return FeatureSelection.of(names, !noDefaultFeatures, allFeatures);
    }
}
