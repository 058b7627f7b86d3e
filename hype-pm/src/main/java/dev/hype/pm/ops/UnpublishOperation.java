package dev.hype.pm.ops;

import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.semver.Version;
import java.util.List;

/**
 * Remove a published version, or a whole package, as {@code npm unpublish} does: removing a whole package, or the
 * last version of one, needs {@code force}. The registry never takes a removed version again.
 */
public final class UnpublishOperation {
    /** Code of an unpublish refused without {@code --force}. */
    public static final String E_NEEDS_FORCE = "E_NEEDS_FORCE";

    private UnpublishOperation() {
    }

    /** Unpublish what {@code options} names. */
    public static UnpublishResult run(UnpublishOptions options, RegistryClient client) {
        PackageSpec spec = PackageSpec.parse(options.spec());
        String name = spec.name();
        Packument packument = client.packument(name, Form.FULL);
        List<Version> published = packument.versions().stream().sorted().toList();
        if (spec.kind() == PackageSpec.Kind.ANY) {
            if (!options.force()) {
                throw new OperationException(E_NEEDS_FORCE, "refusing to unpublish every version of " + name,
                        List.of("name one version (hype pkg unpublish " + name + "@VERSION), or pass --force to "
                                + "remove the whole package; its versions can never be published again"));
            }
            client.unpublish(name, null);
            return new UnpublishResult(name, published, true);
        }
        Version version = spec.kind() == PackageSpec.Kind.RANGE ? Version.tryParse(spec.range(), false).orElse(null)
                : null;
        if (version == null) {
            throw new OperationException(PackageSpec.E_BAD_SPEC, "unpublish takes NAME@VERSION with an exact "
                    + "version, not '" + options.spec() + "'", List.of("published versions of " + name + ": "
                    + String.join(", ", published.stream().map(Version::toString).toList())));
        }
        if (!published.contains(version)) {
            throw new OperationException(DeprecateOperation.E_NO_MATCH, name + "@" + version + " is not published",
                    List.of("published versions of " + name + ": "
                            + String.join(", ", published.stream().map(Version::toString).toList())));
        }
        if (published.size() == 1 && !options.force()) {
            throw new OperationException(E_NEEDS_FORCE, "refusing to unpublish " + name + "@" + version
                    + ", the last version of " + name, List.of("pass --force to remove the whole package; "
                    + "its versions can never be published again"));
        }
        boolean last = published.size() == 1;
        client.unpublish(name, last ? null : version.toString());
        return new UnpublishResult(name, List.of(version), last);
    }
}
