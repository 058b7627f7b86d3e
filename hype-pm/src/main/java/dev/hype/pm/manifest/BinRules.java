package dev.hype.pm.manifest;

import dev.hype.runtime.TerminalText;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Say which {@code bin} entries of {@code hype.json} are acceptable: the command name becomes a file in
 * {@code hype_modules/.bin}, and the target a path both {@code sh} and {@code cmd.exe} launchers name.
 *
 * <p>A command name is letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit, at most
 * 214 characters; {@code hype} and the names Windows reserves for devices ({@code con}, {@code nul}, {@code com1},
 * ...) are refused. A target is a relative path, {@code ./} allowed, of letters, digits and {@code ._@+-}, with no
 * {@code .} or {@code ..} segment.
 */
public final class BinRules {
    /** The most characters a command name may have. */
    public static final int MAX_NAME = 214;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern TARGET_SEGMENT = Pattern.compile("[A-Za-z0-9._@+-]+");
    private static final Set<String> RESERVED = Set.of("hype", "con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private BinRules() {
    }

    /** Return why {@code name} cannot be a command name, or null when it can. */
    public static String nameProblem(String name) {
        if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            return "a command name is letters, digits, '.', '_' and '-', starting with a letter or digit";
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT).replaceFirst("\\..*$", ""))) {
            return "'" + name + "' is reserved";
        }
        return null;
    }

    /** Return why {@code target} cannot be a bin's file, or null when it can. */
    public static String targetProblem(String target) {
        String path = normalise(target);
        if (path.isEmpty() || path.startsWith("/")) {
            return "its target '" + TerminalText.escape(target) + "' is not a relative path";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || !TARGET_SEGMENT.matcher(segment).matches()) {
                return "its target '" + TerminalText.escape(target) + "' must stay inside the package and use only"
                        + " letters, digits and '._@+-' in its names";
            }
        }
        return null;
    }

    /** Return {@code target} without a leading {@code ./}. */
    public static String normalise(String target) {
        return target.startsWith("./") ? target.substring(2) : target;
    }
}
