package dev.hype.pm.rocks;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spell LuaRocks rocks as Hype packages: {@code rocks:NAME}, where NAME is the rock's LuaRocks name, lower case as
 * LuaRocks keeps it. The same spelling names the rock in {@code hype.json}, the lockfile, the resolver and
 * {@code hype_modules/rocks:NAME/}.
 */
public final class RockName {
    /** The prefix that marks a rock. */
    public static final String PREFIX = "rocks:";
    private static final Pattern NAME = Pattern.compile("[a-z0-9_][a-z0-9._-]*");
    private static final int MAX_LENGTH = 200;

    private RockName() {
    }

    /** Return whether {@code packageName} names a rock ({@code rocks:...}). */
    public static boolean isRock(String packageName) {
        return packageName != null && packageName.startsWith(PREFIX);
    }

    /** Return the rock's LuaRocks name: {@code rocks:penlight} gives {@code penlight}. */
    public static String rock(String packageName) {
        return isRock(packageName) ? packageName.substring(PREFIX.length()) : packageName;
    }

    /** Return the package name of a rock named as LuaRocks names it (case folded as LuaRocks folds it). */
    public static String of(String rock) {
        return PREFIX + rock.toLowerCase(Locale.ROOT);
    }

    /** Return why {@code packageName} is not a valid {@code rocks:NAME}, or empty when it is one. */
    public static Optional<String> problem(String packageName) {
        if (!isRock(packageName)) {
            return Optional.of("a rock is named rocks:NAME");
        }
        String rock = rock(packageName);
        if (rock.isEmpty()) {
            return Optional.of("the rock name after \"rocks:\" is empty");
        }
        if (rock.length() > MAX_LENGTH) {
            return Optional.of("a rock name must be at most " + MAX_LENGTH + " characters");
        }
        if (rock.equals("lua") || rock.equals("utf8")) {
            return Optional.of("\"" + rock + "\" is provided by Hype's Lua 5.4, not a rock to install (a rockspec's"
                    + " \"" + rock + " >= 5.1\" is checked against it)");
        }
        if (!NAME.matcher(rock).matches()) {
            return Optional.of("a rock name may hold only lower-case letters, digits, \".\", \"_\" and \"-\", and must"
                    + " not start with \".\" or \"-\" (LuaRocks namespaces such as user/name are not supported)");
        }
        return Optional.empty();
    }
}
