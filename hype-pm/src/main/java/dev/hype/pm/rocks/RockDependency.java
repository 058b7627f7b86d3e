package dev.hype.pm.rocks;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hold one rockspec dependency, such as {@code luafilesystem >= 1.6.0}, read as {@code queries.from_dep_string}
 * reads it.
 *
 * @param rock the rock's name, lower case
 * @param constraint the version constraints
 */
public record RockDependency(String rock, RockConstraint constraint) {
    private static final Pattern DEP = Pattern.compile("^\\s*([a-zA-Z0-9._-]*/?[a-zA-Z0-9][a-zA-Z0-9._-]*)\\s*([^/]*)$",
            Pattern.DOTALL);

    /**
     * Parse a dependency string.
     *
     * @param where names the rockspec in errors
     * @throws RockException {@link RockException#E_ROCKSPEC} when it is not a dependency LuaRocks reads
     */
    public static RockDependency parse(String text, String where) {
        Matcher m = DEP.matcher(text);
        if (!m.matches()) {
            throw new RockException(RockException.E_ROCKSPEC, where + ": dependency \"" + text
                    + "\" is not a rock name followed by version constraints", List.of());
        }
        if (m.group(1).contains("/")) {
            throw new RockException(RockException.E_ROCKSPEC, where + ": dependency \"" + text
                    + "\" names a LuaRocks namespace, which Hype does not support", List.of(
                            "install the rock it names without the namespace, from a server that has it"));
        }
        try {
            return new RockDependency(m.group(1).toLowerCase(Locale.ROOT), RockConstraint.parse(m.group(2)));
        } catch (RockException e) {
            throw new RockException(RockException.E_ROCKSPEC, where + ": dependency \"" + text + "\": "
                    + e.getMessage(), e.hints(), e);
        }
    }

    @Override
    public String toString() {
        return constraint.isAny() ? rock : rock + " " + constraint;
    }
}
