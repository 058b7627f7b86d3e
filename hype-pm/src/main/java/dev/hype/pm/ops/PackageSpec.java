package dev.hype.pm.ops;

import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import dev.hype.runtime.TerminalText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hold one package argument of the command line: {@code NAME}, {@code NAME@RANGE} or {@code NAME@TAG}, scoped
 * names ({@code @scope/name@^1}) included, read as npm reads them.
 *
 * @param text the argument as given
 * @param name the package name, valid by npm's rules
 * @param kind whether a range, a dist-tag or nothing follows the name
 * @param selector the range or tag text, or {@code null} for {@link Kind#ANY}
 */
public record PackageSpec(String text, String name, Kind kind, String selector) {
    /** Code of a package argument that cannot be read. */
    public static final String E_BAD_SPEC = "E_BAD_SPEC";

    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    /** What follows the name. */
    public enum Kind {
        /** Nothing: any version, the resolver's choice. */
        ANY,
        /** A version or a version range, such as {@code 1.2.3} or {@code ^1.2}. */
        RANGE,
        /** A dist-tag, such as {@code latest} or {@code next}. */
        TAG
    }

    /**
     * Read a package argument.
     *
     * @throws OperationException {@link #E_BAD_SPEC} naming the argument, when the text after {@code @} is empty or
     *     is neither a version range nor a dist-tag
     * @throws dev.hype.runtime.HypeException {@link PackageName#E_INVALID_NAME} for a name that is not valid
     */
    public static PackageSpec parse(String text) {
        int at = text.indexOf('@', text.startsWith("@") ? 1 : 0);
        String name = at < 0 ? text : text.substring(0, at);
        String selector = at < 0 ? null : text.substring(at + 1);
        if (name.isEmpty()) {
            throw bad(text, "it names no package", "write NAME, NAME@RANGE or NAME@TAG, for example lua-json@^2");
        }
        PackageName.require(name, "argument '" + TerminalText.escape(text) + "'");
        if (selector == null) {
            return new PackageSpec(text, name, Kind.ANY, null);
        }
        if (selector.isBlank()) {
            throw bad(text, "nothing follows the '@'", "write " + name + " for any version, or " + name
                    + "@RANGE / " + name + "@TAG, for example " + name + "@^1 or " + name + "@latest");
        }
        if (RockName.isRock(name)) {
            // A rock's selector is a LuaRocks constraint list (~> 1.14, >= 1.0, < 2, scm-1); rocks have no dist-tags.
            String problem = RockConstraint.problem(selector).orElse(null);
            if (problem != null) {
                throw bad(text, problem, "a rock constraint looks like 1.14.0-3, ~> 1.14 or >= 1.0, < 2"
                        + " (docs/luarocks.md)");
            }
            return new PackageSpec(text, name, Kind.RANGE, selector);
        }
        if (Range.tryParse(selector, RangeOptions.DEFAULT).isPresent()) {
            return new PackageSpec(text, name, Kind.RANGE, selector);
        }
        if (TAG.matcher(selector).matches()) {
            return new PackageSpec(text, name, Kind.TAG, selector);
        }
        throw bad(text, "'" + selector + "' is neither a version range nor a dist-tag",
                "a range looks like 1.2.3, ^1.2 or >=1 <2; a dist-tag is a word such as latest or next");
    }

    /** Read every argument, failing on the first bad one. */
    public static List<PackageSpec> parseAll(List<String> texts) {
        return texts.stream().map(PackageSpec::parse).toList();
    }

    /** Return the range text, or {@code null} unless {@link Kind#RANGE}. */
    public String range() {
        return kind == Kind.RANGE ? selector : null;
    }

    /** Return the tag, or {@code null} unless {@link Kind#TAG}. */
    public String tag() {
        return kind == Kind.TAG ? selector : null;
    }

    private static OperationException bad(String text, String problem, String hint) {
        return new OperationException(E_BAD_SPEC, "invalid package argument '" + TerminalText.escape(text) + "': "
                + problem, List.of(hint));
    }
}
