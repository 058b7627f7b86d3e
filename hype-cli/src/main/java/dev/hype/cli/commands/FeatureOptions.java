package dev.hype.cli.commands;

import dev.hype.pm.resolve.FeatureSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Choose which of the project's own features a package command enables, as Cargo's feature flags do. */
final class FeatureOptions {
    private static final String FEATURES = "Enable these features of the project (comma-separated); DEP/FEATURE "
            + "enables a feature of a dependency.";
    private static final String NO_DEFAULT = "Do not enable the project's default feature.";
    private static final String ALL = "Enable every feature of the project.";

    @Option(names = {"-F", "--features"}, split = ",", paramLabel = "NAME", description = FEATURES)
    private List<String> features = new ArrayList<>();

    @Option(names = "--no-default-features", description = NO_DEFAULT)
    private boolean noDefaultFeatures;

    @Option(names = "--all-features", description = ALL)
    private boolean allFeatures;

    /** Add these options to a model built in code ({@link CommandModels}), as the annotations say. */
    void addTo(CommandSpec spec) {
        spec.addOption(CommandModels.strings(() -> features, value -> features = value, "-F", "--features")
                .splitRegex(",").paramLabel("NAME").description(FEATURES).build());
        spec.addOption(CommandModels.flag("noDefaultFeatures", () -> noDefaultFeatures,
                value -> noDefaultFeatures = value, "--no-default-features").description(NO_DEFAULT).build());
        spec.addOption(CommandModels.flag("allFeatures", () -> allFeatures, value -> allFeatures = value,
                "--all-features").description(ALL).build());
    }

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
