package dev.hype.pm.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.HypeException;
import dev.hype.runtime.TerminalText;
import java.util.List;
import java.util.Optional;

/** Fetch a package's document and pick the versions a range or tag selects, as {@code npm view} does. */
public final class InfoOperation {
    /** Code of a {@code NAME@RANGE} argument that cannot be read. */
    public static final String E_BAD_SPEC = "E_BAD_SPEC";

    private InfoOperation() {
    }

    /**
     * Describe the package.
     *
     * @throws dev.hype.pm.registry.RegistryException {@code E_NOT_FOUND} when it does not exist
     */
    public static InfoResult run(InfoOptions options, RegistryClient client) {
        String spec = options.spec();
        int at = spec.indexOf('@', 1);
        String name = at < 0 ? spec : spec.substring(0, at);
        String selector = at < 0 ? null : spec.substring(at + 1);
        if (name.isBlank() || (selector != null && selector.isBlank())) {
            throw new HypeException(E_BAD_SPEC, "'" + spec + "' is not NAME or NAME@RANGE",
                List.of("for example: hype pkg info lua-json, or hype pkg info lua-json@^2"));
        }
        PackageName.require(name, "argument '" + TerminalText.escape(spec) + "'");
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
            throw new HypeException(E_BAD_SPEC, "'" + selector + "' is neither a version range nor a dist-tag of " + name,
                List.of("dist-tags of " + name + ": " + packument.distTags().keySet()));
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
