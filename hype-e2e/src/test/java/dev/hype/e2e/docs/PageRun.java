package dev.hype.e2e.docs;

import dev.hype.e2e.Hype;
import dev.hype.e2e.Result;
import dev.hype.e2e.ServedRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run one page's steps in order in one project through the real launcher, and collect what did not
 * hold. Files and the state examples leave carry over from one example to the next, as when a
 * reader follows the page.
 */
final class PageRun implements AutoCloseable {
    /** The registry address the docs name; a page's registry stands in for it. */
    static final String DOCS_REGISTRY = "http://localhost:4873";

    private final DocPage page;
    private final Path temp;
    private final Hype hype;
    private final List<String> failures = new ArrayList<>();
    private ServedRegistry registry;
    private Result last;
    private DocStep.Example lastExample;

    PageRun(DocPage page, Path temp) {
        this.page = page;
        this.temp = temp;
        this.hype = Hype.in(temp);
    }

    /** Run every step and return the failures, each naming the page's line; empty when the page holds. */
    List<String> run() {
        for (DocStep step : page.steps()) {
            switch (step) {
                case DocStep.WriteFile file -> write(file);
                case DocStep.Example example -> example(example);
                case DocStep.ExpectOutput output -> output(output);
                case DocStep.Skipped skipped -> { }
            }
        }
        return List.copyOf(failures);
    }

    private void write(DocStep.WriteFile file) {
        String content = file.path().endsWith(".lua") ? LuaChecks.transform(file.content()) : file.content();
        hype.write(file.path(), content);
    }

    private void example(DocStep.Example example) {
        String code = example.code();
        if (example.options().registry()) {
            code = code.replace(DOCS_REGISTRY, registry().url().replaceAll("/$", ""));
        }
        Path project = hype.directory();
        if (example.options().checkout()) {
            hype.cd(Hype.checkout().toString());
        }
        try {
            if (example.language().equals("lua")) {
                hype.write("example.lua", LuaChecks.transform(code));
                last = hype.run("example.lua");
            } else {
                last = hype.shell("set -eo pipefail; " + code);
            }
        } finally {
            hype.cd(project.toString());
        }
        lastExample = example;
        if (last.exitCode() != example.options().exit()) {
            fail(example.line(), "the " + (example.hidden() ? "hidden " : "") + example.language()
                    + " example exited " + last.exitCode() + ", expected " + example.options().exit()
                    + " (its line N is the page's line " + example.line() + "+N)\n" + last.describe());
        }
    }

    private void output(DocStep.ExpectOutput output) {
        if (last == null) {
            fail(output.line(), "an output block with no example before it");
            return;
        }
        DocOptions options = output.options();
        String actual = normalise(options.stderr() ? last.stderr() : last.stdout(), options, true);
        String expected = normalise(output.expected(), options, false);
        boolean holds = options.lines() ? containsLinesInOrder(actual, expected)
                : matches(List.of(actual.split("\n", -1)), 0, List.of(expected.split("\n", -1)), 0);
        if (!holds) {
            fail(output.line(), "the output of the example on line " + lastExample.line() + " differs from the page's "
                    + (options.lines() ? "lines (each must appear in an output line, in order)" : "block")
                    + "\n--- the page shows\n" + expected + "\n--- the example printed"
                    + (options.stderr() ? " on stderr" : "") + "\n" + actual);
        }
    }

    private String normalise(String text, DocOptions options, boolean fromRun) {
        if (fromRun) {
            String dir = hype.directory().toString();
            if (options.project() != null) {
                text = text.replace(realPath(hype.directory()), options.project()).replace(dir, options.project());
            }
            if (registry != null) {
                text = text.replace(registry.url().replaceAll("/$", ""), DOCS_REGISTRY);
            }
        }
        for (Pattern mask : options.masks()) {
            text = mask.matcher(text).replaceAll(Matcher.quoteReplacement("<masked>"));
        }
        List<String> lines = new ArrayList<>(Arrays.stream(text.split("\n", -1)).map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return String.join("\n", lines);
    }

    /** Whether the lines match from the given positions; a line {@code ...} in the page stands for any lines. */
    private static boolean matches(List<String> have, int at, List<String> want, int from) {
        if (from == want.size()) {
            return at == have.size();
        }
        if (isEllipsis(want.get(from))) {
            for (int skip = at; skip <= have.size(); skip++) {
                if (matches(have, skip, want, from + 1)) {
                    return true;
                }
            }
            return false;
        }
        return at < have.size() && have.get(at).equals(want.get(from)) && matches(have, at + 1, want, from + 1);
    }

    private static boolean isEllipsis(String line) {
        String trimmed = line.strip();
        return trimmed.equals("...") || trimmed.equals("\u2026");
    }

    private static boolean containsLinesInOrder(String actual, String expected) {
        List<String> have = List.of(actual.split("\n", -1));
        int at = 0;
        for (String wanted : expected.split("\n", -1)) {
            if (isEllipsis(wanted)) {
                continue;
            }
            while (at < have.size() && !have.get(at).contains(wanted)) {
                at++;
            }
            if (at == have.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    private static String realPath(Path dir) {
        try {
            return dir.toRealPath().toString();
        } catch (IOException e) {
            return dir.toString();
        }
    }

    private ServedRegistry registry() {
        if (registry == null) {
            registry = ServedRegistry.start(hype, temp.resolve("registry"));
            hype.env("HYPE_TOKEN", registry.token("alice"));
            try {
                Files.writeString(hype.hypeHome().resolve("config.json"),
                        "{\"registry\": \"" + registry.url() + "\"}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return registry;
    }

    private void fail(int line, String message) {
        failures.add(page.name() + ":" + line + ": " + message);
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
