package dev.hype.pm.ops;

import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** List, add and remove a package's dist-tags, as {@code npm dist-tag ls|add|rm} does. */
public final class DistTagOperation {
    /** Code of a tag that cannot be set or removed. */
    public static final String E_BAD_TAG = PublishOperation.E_BAD_TAG;

    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    private DistTagOperation() {
    }

    /** Carry out {@code options} against the registry of the package. */
    public static DistTagResult run(DistTagOptions options, RegistryClient client) {
        PackageSpec spec = PackageSpec.parse(options.spec());
        String name = spec.name();
        return switch (options.action()) {
            case LIST -> {
                if (spec.selector() != null) {
                    throw bad("'dist-tag ls' takes a package name, not '" + options.spec() + "'",
                            "for example: hype pkg dist-tag ls " + name);
                }
                yield new DistTagResult(name, client.distTags(name), null, null);
            }
            case ADD -> {
                String version = spec.selector();
                if (version == null || Version.tryParse(version, false).isEmpty()) {
                    throw bad("'dist-tag add' needs NAME@VERSION with an exact version, not '" + options.spec() + "'",
                            "for example: hype pkg dist-tag add " + name + "@1.2.0 next");
                }
                checkTag(options.tag());
                client.setDistTag(name, options.tag(), Version.parse(version, false).toString());
                yield new DistTagResult(name, client.distTags(name), options.tag(), version);
            }
            case REMOVE -> {
                if (spec.selector() != null) {
                    throw bad("'dist-tag rm' takes NAME and TAG, not '" + options.spec() + "'",
                            "for example: hype pkg dist-tag rm " + name + " next");
                }
                checkTag(options.tag());
                if (options.tag().equals("latest")) {
                    throw bad("the 'latest' dist-tag cannot be removed; point it at another version instead",
                            "hype pkg dist-tag add " + name + "@VERSION latest");
                }
                Map<String, String> before = client.distTags(name);
                if (!before.containsKey(options.tag())) {
                    throw new OperationException(E_BAD_TAG, name + " has no dist-tag '" + options.tag() + "'",
                            List.of("its dist-tags: " + String.join(", ", before.keySet())));
                }
                client.removeDistTag(name, options.tag());
                yield new DistTagResult(name, client.distTags(name), options.tag(), before.get(options.tag()));
            }
        };
    }

    /** Refuse a tag npm refuses: one that is a version range, or is not a plain word. */
    static void checkTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches() || Range.tryParse(tag, RangeOptions.DEFAULT).isPresent()) {
            throw bad("'" + tag + "' cannot be a dist-tag",
                    "a tag is a word such as latest, next or beta; it must not look like a version or a range");
        }
    }

    private static OperationException bad(String message, String hint) {
        return new OperationException(E_BAD_TAG, message, List.of(hint));
    }
}
