package dev.hype.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Read what lua.c reads from a command line that picocli has already validated: the order of the
 * {@code -e} and {@code -l} options (picocli keeps each in its own list), and the strings that
 * go to {@code arg}'s negative indices.
 *
 * @param actions     the {@code -e} chunks and {@code -l} libraries, in command-line order
 * @param before      the interpreter as invoked, then every argument before the script
 * @param scriptIndex the index of the script among the raw arguments, or -1 when there is none
 */
record LuaCommandLine(List<Action> actions, List<String> before, int scriptIndex) {
    /** Hype's options that take a separate value, besides {@code -e} and {@code -l}. */
    private static final Set<String> WITH_VALUE = Set.of("--timeout", "--max-memory", "-C", "--conditions");

    /** One {@code -e CODE} ({@code library == false}) or {@code -l NAME} option. */
    record Action(boolean library, String value) {
    }

    /**
     * Analyse {@code raw}, the arguments after the interpreter, given the number of script
     * arguments picocli found after the script (everything after the script belongs to it).
     */
    static LuaCommandLine of(String argv0, List<String> raw, boolean hasScript, int scriptArguments) {
        int scriptIndex = hasScript ? raw.size() - scriptArguments - 1 : -1;
        int end = hasScript ? scriptIndex : raw.size();
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            String token = raw.get(i);
            if (token.equals("--")) {
                break;
            }
            if (token.equals("-e") || token.equals("-l")) {
                if (i + 1 < end) {
                    actions.add(new Action(token.equals("-l"), raw.get(i + 1)));
                }
                i++;
            } else if (token.startsWith("-e") || token.startsWith("-l")) {
                actions.add(new Action(token.startsWith("-l"), token.substring(2)));
            } else if (WITH_VALUE.contains(token)) {
                i++;
            }
        }
        // Without a script lua.c puts the interpreter at 0 and every argument after it.
        List<String> before = new ArrayList<>();
        if (hasScript) {
            before.add(argv0);
            before.addAll(raw.subList(0, scriptIndex));
        }
        return new LuaCommandLine(List.copyOf(actions), List.copyOf(before), scriptIndex);
    }

    /** Return the interpreter as invoked: the launcher's {@code $0}, else {@code hype}. */
    static String argv0() {
        return System.getProperty("hype.argv0", "hype");
    }
}
