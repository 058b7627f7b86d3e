package dev.hype.pm.ops;

import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import dev.hype.pm.semver.Version;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mark versions of a package deprecated, or clear the mark with an empty message, as {@code npm deprecate} does.
 * Installs still resolve deprecated versions; {@code info} shows the message, and {@code publish} does not count
 * them when it decides whether {@code latest} may move.
 */
public final class DeprecateOperation {
    /** Code of a range that matches no published version. */
    public static final String E_NO_MATCH = "E_NO_MATCH";

    private DeprecateOperation() {
    }

    /** Deprecate what {@code options} names. */
    public static DeprecateResult run(DeprecateOptions options, RegistryClient client) {
        PackageSpec spec = PackageSpec.parse(options.spec());
        if (spec.kind() == PackageSpec.Kind.TAG) {
            throw new OperationException(PackageSpec.E_BAD_SPEC, "deprecate takes NAME or NAME@RANGE, not the "
                    + "dist-tag in '" + options.spec() + "'", List.of("for example: hype pkg deprecate "
                    + spec.name() + "@\"<2.0.0\" \"use 2.x\""));
        }
        Packument packument = client.packument(spec.name(), Form.FULL);
        Range range = spec.range() == null ? null : Range.parse(spec.range(), new RangeOptions(false, true));
        List<Version> matching = packument.versions().stream()
                .filter(v -> range == null || range.test(v)).sorted().toList();
        if (matching.isEmpty()) {
            throw new OperationException(E_NO_MATCH, "no published version of " + spec.name() + " matches "
                    + spec.range(), List.of("published: " + String.join(", ",
                    packument.versions().stream().sorted().map(Version::toString).toList())));
        }
        Map<String, String> messages = new LinkedHashMap<>();
        matching.forEach(v -> messages.put(v.toString(), options.message()));
        client.deprecate(spec.name(), messages);
        return new DeprecateResult(spec.name(), matching, options.message());
    }
}
