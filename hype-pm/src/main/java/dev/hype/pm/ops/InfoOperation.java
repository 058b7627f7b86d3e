package dev.hype.pm.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Optional;

/** Fetch a package's document and pick the versions a range or tag selects, as {@code npm view} does. */
public final class InfoOperation {
    /** Code of a {@code NAME@RANGE} argument that cannot be read. */
    public static final String E_BAD_SPEC = PackageSpec.E_BAD_SPEC;

    private InfoOperation() {
    }

    /**
     * Describe the package.
     *
     * @throws dev.hype.pm.registry.RegistryException {@code E_NOT_FOUND} when it does not exist
     * @throws OperationException {@link #E_BAD_SPEC} for an argument that is not {@code NAME[@RANGE|@TAG]}
     */
    public static InfoResult run(InfoOptions options, RegistryClient client) {
        PackageSpec spec = PackageSpec.parse(options.spec());
        String name = spec.name();
        String selector = spec.selector();
        Packument packument = client.packument(name, Form.FULL);
        if (selector == null) {
            return describe(name, client, packument, null, null, packument.latest().orElse(null));
        }
        String tagged = packument.distTags().get(selector);
        if (tagged != null) {
            return describe(name, client, packument, selector, null, tagged);
        }
        Optional<Range> range = Range.tryParse(selector, RangeOptions.DEFAULT);
        if (range.isEmpty()) {
            throw new OperationException(E_BAD_SPEC, name + " has no dist-tag '" + selector + "'",
                List.of("dist-tags of " + name + ": " + String.join(", ", packument.distTags().keySet())));
        }
        List<Version> matching = packument.versions().stream().filter(range.get()::test).sorted().toList();
        String shown = matching.isEmpty() ? null : matching.getLast().toString();
        return describe(name, client, packument, selector, matching, shown);
    }

    private static InfoResult describe(String name, RegistryClient client, Packument packument, String selector,
                                       List<Version> matching, String shown) {
        JsonNode version = shown == null ? null : packument.version(shown).orElse(null);
        return new InfoResult(name, client.registryFor(name), packument, selector, matching, shown, version);
    }
}
