package dev.hype.pm.ops;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.manifest.ManifestEditor;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Install a project's dependencies, adding packages to {@code hype.json} first when asked.
 *
 * <p>The flow: {@code hype.json} and {@code hype-lock.json} → the lockfile's versions when it still satisfies the
 * manifest, else a resolution → an install plan → the store fills what it lacks, in parallel → the new tree is
 * swapped in → {@code hype.json} (when packages were added) and the lockfile are written, the lockfile only if it
 * changed. Any failure before the swap leaves the tree, the manifest and the lockfile as they were.
 */
public final class InstallOperation {
    /** Code of a {@code --frozen} install whose lockfile would change. */
    public static final String FROZEN_LOCKFILE = InstallPipeline.FROZEN;

    private InstallOperation() {
    }

    /** Install as {@code options} say, reporting progress to {@code reporter}. */
    public static InstallResult run(InstallOptions options, Reporter reporter) {
        return InstallPipeline.run(options, edits(options), reporter);
    }

    private static ManifestEdits edits(InstallOptions options) {
        if (options.add().isEmpty()) {
            return ManifestEdits.NONE;
        }
        List<PackageSpec> specs = options.add().stream().map(PackageSpec::parse).toList();
        UnaryOperator<ManifestEditor> before = editor -> {
            for (PackageSpec spec : specs) {
                editor = editor.addDependency(options.addKind(), spec.name(), spec.range() == null ? "*" : spec.range());
            }
            return editor;
        };
        return new ManifestEdits(before, versions -> editor -> {
            for (PackageSpec spec : specs) {
                editor = editor.addDependency(options.addKind(), spec.name(), range(spec, versions, options.exact()));
            }
            return editor;
        });
    }

    private static String range(PackageSpec spec, Map<String, Version> versions, boolean exact) {
        if (spec.range() != null) {
            return spec.range();
        }
        String version = versions.get(spec.name()).toString();
        if (RockName.isRock(spec.name())) {
            return RockConstraint.defaultFor(RockVersion.parse(version), exact);
        }
        return exact ? version : "^" + version;
    }
}
