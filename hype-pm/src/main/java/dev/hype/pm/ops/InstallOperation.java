package dev.hype.pm.ops;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.manifest.ManifestEditor;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Install a project's dependencies, adding packages to {@code hype.json} first when asked.
 *
 * <p>The flow: {@code hype.json} and {@code hype-lock.json} → the lockfile's versions when it still satisfies the
 * manifest, else a resolution → an install plan → the store fills what it lacks, in parallel → the new tree is
 * swapped in → {@code hype.json} (when packages were added) and the lockfile are written, the lockfile only if it
 * changed. Any failure before the swap leaves the tree, the manifest and the lockfile as they were. Packages named
 * on the command line are checked first: each must exist, and a dist-tag ({@code NAME@latest}, {@code NAME@next})
 * is looked up and pinned for the resolution, then saved as {@code ^VERSION} as npm saves it.
 */
public final class InstallOperation {
    /** Code of a {@code --frozen} install whose lockfile would change. */
    public static final String FROZEN_LOCKFILE = InstallPipeline.FROZEN;
    /** Code of a package named on the command line that the registry does not have. */
    public static final String E_PACKAGE_NOT_FOUND = "E_PACKAGE_NOT_FOUND";
    /** Code of a dist-tag the package does not have. */
    public static final String E_NO_SUCH_TAG = "E_NO_SUCH_TAG";

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
        List<PackageSpec> specs = PackageSpec.parseAll(options.add());
        PackageSource source = options.sources().packages();
        Map<String, Version> tagged = new java.util.HashMap<>();
        source.prefetch(specs.stream().map(PackageSpec::name).toList());
        for (PackageSpec spec : specs) {
            List<Version> versions = source.versions(spec.name()).filter(list -> !list.isEmpty())
                    .orElseThrow(() -> new OperationException(E_PACKAGE_NOT_FOUND, "package " + spec.name()
                            + " (from the argument '" + spec.text() + "') is not in the registry",
                            List.of("check the spelling; 'hype pkg search WORD' lists the packages the registry has")));
            if (spec.kind() == PackageSpec.Kind.TAG) {
                tagged.put(spec.name(), taggedVersion(spec, source, versions));
            }
        }
        UnaryOperator<ManifestEditor> before = editor -> {
            for (PackageSpec spec : specs) {
                String range = spec.kind() == PackageSpec.Kind.TAG ? tagged.get(spec.name()).toString()
                        : spec.range() == null ? "*" : spec.range();
                editor = editor.addDependency(options.addKind(), spec.name(), range);
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

    /** Return the version {@code spec}'s tag points at; {@code latest} defaults to the highest release. */
    private static Version taggedVersion(PackageSpec spec, PackageSource source, List<Version> versions) {
        Map<String, String> tags = source.distTags(spec.name());
        Optional<Version> version = Optional.ofNullable(tags.get(spec.tag()))
                .flatMap(text -> Version.tryParse(text, false));
        if (version.isEmpty() && spec.tag().equals("latest") && tags.isEmpty()) {
            version = versions.stream().filter(v -> !v.isPrerelease()).max(Version::compareTo);
        }
        return version.orElseThrow(() -> new OperationException(E_NO_SUCH_TAG, spec.name() + " has no dist-tag '"
                + spec.tag() + "' (from the argument '" + spec.text() + "')",
                List.of(tags.isEmpty() ? "'hype pkg info " + spec.name() + "' lists its versions"
                        : "its dist-tags: " + String.join(", ", new java.util.TreeSet<>(tags.keySet())))));
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
