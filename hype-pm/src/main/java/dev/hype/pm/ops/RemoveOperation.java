package dev.hype.pm.ops;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.manifest.ManifestEditor;

import java.util.List;
import java.util.function.UnaryOperator;

/** Remove dependencies from {@code hype.json}, re-resolve, and prune what nothing needs any more. */
public final class RemoveOperation {
    /** Code of a name that is not a dependency of the project. */
    public static final String NOT_A_DEPENDENCY = "E_NOT_A_DEPENDENCY";

    private RemoveOperation() {
    }

    /** Remove as {@code options} say, reporting progress to {@code reporter}. */
    public static InstallResult run(RemoveOptions options, Reporter reporter) {
        Manifest manifest = Manifest.read(options.install().projectDirectory());
        List<String> unknown = options.names().stream().filter(n -> !manifest.dependencies().containsKey(n)
                && !manifest.devDependencies().containsKey(n) && !manifest.optionalDependencies().containsKey(n))
                .toList();
        if (!unknown.isEmpty()) {
            throw new OperationException(NOT_A_DEPENDENCY, String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
                    + " not a dependency of " + manifest.name(), List.of("see the dependency sections of hype.json"));
        }
        UnaryOperator<ManifestEditor> removal = editor -> {
            for (String name : options.names()) {
                for (DependencyKind kind : DependencyKind.values()) {
                    editor = editor.removeDependency(kind, name);
                }
            }
            return editor;
        };
        return InstallPipeline.run(options.install(), new ManifestEdits(removal, versions -> removal), reporter);
    }
}
