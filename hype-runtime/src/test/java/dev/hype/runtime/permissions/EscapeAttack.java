package dev.hype.runtime.permissions;

import java.util.ArrayList;
import java.util.List;

/**
 * One escape attempt of the corpus: the body of {@code hype_modules/evil/init.lua}, read from
 * {@code src/test/resources/escape/NN-name.lua}. Its leading comment says what it tries and what
 * must happen:
 *
 * <pre>
 * -- io.open reads a file outside the grants.        (what it tries: any other comment line)
 * -- grant: {"env": ["EVIL_*"]}                      (evil's approved permissions; default {@link #BASELINE}, or none)
 * -- expect: denied read io.open {secret}            (one line per outcome the attack returns, in order; * matches anything)
 * -- message: PERMISSION_DENIED: package 'evil' ...  (the exact message of the outcome above)
 * -- absent: {outside}/pwned.txt                     (a file that must not exist afterwards)
 * -- exists: {data}/out.txt                          (a file that must exist afterwards)
 * </pre>
 *
 * <p>{@code {name}} tokens stand for the project's paths and secrets; see {@link EscapeProject}.
 *
 * @param name the file name without {@code .lua}
 * @param description what the attack tries
 * @param source the Lua source, tokens not yet filled in
 * @param grant the {@code permissions} object approved for evil, as JSON
 * @param expectations the outcomes, in order
 * @param absent paths that must not exist after the run
 * @param exists paths that must exist after the run
 */
record EscapeAttack(String name, String description, String source, String grant, List<Expectation> expectations,
                    List<String> absent, List<String> exists) {
    /**
     * What evil is approved unless an attack says otherwise: reading the project's {@code shared/}
     * directory, writing a directory of its own under {@code $TMP}, variables starting {@code EVIL_}.
     */
    static final String BASELINE = """
            {"filesystem": {"read": ["$CWD/shared/**"], "write": ["$TMP/evil-data/**"]}, "env": ["EVIL_*"]}""";

    /**
     * One outcome the attack must report.
     *
     * @param outcome the rendered outcome: {@code ok: ...}, {@code denied <kind> <operation> <resource>},
     *     {@code error <code>: ...} or {@code error: ...}; {@code *} matches any text
     * @param message the exact denial message, or null when not asserted
     */
    record Expectation(String outcome, String message) {
    }

    EscapeAttack {
        expectations = List.copyOf(expectations);
        absent = List.copyOf(absent);
        exists = List.copyOf(exists);
    }

    /** Read an attack from its file name and source. */
    static EscapeAttack parse(String fileName, String source) {
        String name = fileName.endsWith(".lua") ? fileName.substring(0, fileName.length() - 4) : fileName;
        List<String> description = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> exists = new ArrayList<>();
        String grant = BASELINE;
        for (String line : source.split("\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            String text = line.substring(2).strip();
            if (text.startsWith("grant:")) {
                String value = value(text);
                grant = value.equals("none") ? "{}" : value;
            } else if (text.startsWith("expect:")) {
                expectations.add(new Expectation(value(text), null));
            } else if (text.startsWith("message:")) {
                if (expectations.isEmpty()) {
                    throw new IllegalArgumentException(fileName + ": a message line must follow an expect line");
                }
                Expectation last = expectations.removeLast();
                expectations.add(new Expectation(last.outcome(), value(text)));
            } else if (text.startsWith("absent:")) {
                absent.add(value(text));
            } else if (text.startsWith("exists:")) {
                exists.add(value(text));
            } else {
                description.add(text);
            }
        }
        if (expectations.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no expect line");
        }
        return new EscapeAttack(name, String.join(" ", description).strip(), source, grant, expectations, absent,
                exists);
    }

    private static String value(String text) {
        return text.substring(text.indexOf(':') + 1).strip();
    }

    @Override
    public String toString() {
        return name;
    }
}
