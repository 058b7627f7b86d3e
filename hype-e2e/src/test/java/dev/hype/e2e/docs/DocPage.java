package dev.hype.e2e.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page read as the docs test sees it: its fenced code blocks and its {@code <!-- doc: -->}
 * directives, turned into steps in page order. The convention is described in docs/testing.md
 * ("Examples in the docs are tests").
 *
 * <ul>
 *   <li>A {@code lua} block runs as {@code hype example.lua}; an {@code sh} block runs with bash, with
 *       {@code hype} on {@code PATH}. Both must exit 0 unless a directive says otherwise.</li>
 *   <li>{@code <!-- doc: skip REASON -->} before a block or a hidden example: it cannot run, for REASON.</li>
 *   <li>{@code <!-- doc: file PATH -->} before a block: the block is the file PATH of the page's project.
 *       With lines after the first, the comment itself holds the file (a file the reader need not see).</li>
 *   <li>{@code <!-- doc: output [stderr] [lines] [mask=REGEX] [project=PATH] -->} before a block: the block
 *       is what the previous example printed. With lines after the first, the comment holds the output.</li>
 *   <li>{@code <!-- doc: sh|lua [WORDS]} with lines after it: an example the reader does not see.</li>
 *   <li>{@code <!-- doc: WORDS -->} before a {@code lua}/{@code sh} block: tune it ({@code exit=N},
 *       {@code registry}, {@code checkout}).</li>
 * </ul>
 *
 * @param name  the page's path relative to the checkout, for messages
 * @param steps what to do, in page order
 */
record DocPage(String name, List<DocStep> steps) {
    private static final Pattern FENCE = Pattern.compile("^( *)(`{3,}|~{3,})\\s*([^\\s`]*).*$");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "shell");
    private static final String DIRECTIVE = "<!-- doc:";

    DocPage {
        steps = List.copyOf(steps);
    }

    /** Read {@code markdown}; a malformed directive is a {@link DocSyntaxException} naming the page and line. */
    static DocPage parse(String name, String markdown) {
        return new Parser(name, markdown.split("\n", -1)).parse();
    }

    /** Return the examples the page marks as unable to run. */
    List<DocStep.Skipped> skipped() {
        return steps.stream().filter(DocStep.Skipped.class::isInstance).map(DocStep.Skipped.class::cast).toList();
    }

    /** Return the number of examples that run (hidden ones included). */
    long examples() {
        return steps.stream().filter(DocStep.Example.class::isInstance).count();
    }

    /** A malformed directive or block. */
    static final class DocSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DocSyntaxException(String page, int line, String message) {
            super(page + ":" + line + ": " + message);
        }
    }

    private static final class Parser {
        private final String name;
        private final String[] lines;
        private final List<DocStep> steps = new ArrayList<>();
        /** A directive waiting for the next block: its line, kind and words. */
        private Pending pending;

        Parser(String name, String[] lines) {
            this.name = name;
            this.lines = lines;
        }

        private record Pending(int line, String kind, List<String> words, String rest) {
        }

        DocPage parse() {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String trimmed = line.strip();
                if (trimmed.startsWith(DIRECTIVE)) {
                    i = directive(i);
                    continue;
                }
                Matcher fence = FENCE.matcher(line);
                if (fence.matches()) {
                    i = block(i, fence);
                    continue;
                }
                if (pending != null && !trimmed.isEmpty()) {
                    throw error(pending.line, "the directive is not followed by a code block");
                }
            }
            if (pending != null) {
                throw error(pending.line, "the directive is not followed by a code block");
            }
            return new DocPage(name, steps);
        }

        /** Read the directive starting at line {@code start}; return the index of its last line. */
        private int directive(int start) {
            Pending skip = pending != null && pending.kind.equals("skip") ? pending : null;
            if (pending != null && skip == null) {
                throw error(pending.line, "the directive is not followed by a code block");
            }
            pending = null;
            StringBuilder text = new StringBuilder();
            int end = start;
            String first = lines[start].strip().substring(DIRECTIVE.length());
            while (true) {
                String current = end == start ? first : lines[end];
                int close = current.indexOf("-->");
                if (close >= 0) {
                    text.append(current, 0, close);
                    if (!current.substring(close + 3).isBlank()) {
                        throw error(end + 1, "text after the directive's closing -->");
                    }
                    break;
                }
                text.append(current).append('\n');
                end++;
                if (end >= lines.length) {
                    throw error(start + 1, "the directive has no closing -->");
                }
            }
            String body = text.toString();
            int newline = body.indexOf('\n');
            String head = (newline < 0 ? body : body.substring(0, newline)).strip();
            String content = newline < 0 ? "" : body.substring(newline + 1);
            if (content.isBlank()) {
                content = "";
            }
            int line = start + 1;
            if (skip != null && !(kind(body).equals("sh") || kind(body).equals("lua"))) {
                throw error(skip.line, "skip must be followed by a code block or a hidden sh or lua example");
            }
            List<String> words = head.isEmpty() ? List.of() : Arrays.asList(head.split("\\s+"));
            String kind = words.isEmpty() ? "" : words.get(0);
            List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
            switch (kind) {
                case "skip" -> {
                    if (rest.isEmpty()) {
                        throw error(line, "skip needs a reason: <!-- doc: skip REASON -->");
                    }
                    requireNoContent(line, content, kind);
                    pending = new Pending(line, kind, List.of(), String.join(" ", rest));
                }
                case "file" -> {
                    if (rest.size() != 1) {
                        throw error(line, "file needs one path: <!-- doc: file PATH -->");
                    }
                    if (content.isEmpty()) {
                        pending = new Pending(line, kind, List.of(), rest.get(0));
                    } else {
                        steps.add(new DocStep.WriteFile(line, rest.get(0), content));
                    }
                }
                case "output" -> {
                    DocOptions options = options(line, rest);
                    if (content.isEmpty()) {
                        pending = new Pending(line, kind, rest, "");
                    } else {
                        steps.add(new DocStep.ExpectOutput(line, content, options));
                    }
                }
                case "sh", "lua" -> {
                    if (content.isEmpty()) {
                        throw error(line, kind + " needs the example on the lines after it, inside the comment");
                    }
                    DocOptions options = options(line, rest);
                    if (skip != null) {
                        steps.add(new DocStep.Skipped(line, kind + ", hidden", skip.rest, content.lines().findFirst().orElse("")));
                        skip = null;
                    } else {
                        steps.add(new DocStep.Example(line, kind, content, options, true));
                    }
                }
                default -> {
                    requireNoContent(line, content, "a directive of options");
                    options(line, words);
                    pending = new Pending(line, "options", words, "");
                }
            }
            return end;
        }

        private static String kind(String body) {
            String head = body.strip();
            int space = head.indexOf(' ');
            int newline = head.indexOf('\n');
            int end = head.length();
            if (space >= 0) {
                end = Math.min(end, space);
            }
            if (newline >= 0) {
                end = Math.min(end, newline);
            }
            return head.substring(0, end);
        }

        private void requireNoContent(int line, String content, String what) {
            if (!content.isEmpty()) {
                throw error(line, what + " takes no lines of its own (end the comment on its first line)");
            }
        }

        private DocOptions options(int line, List<String> words) {
            try {
                return DocOptions.parse(words);
            } catch (IllegalArgumentException e) {
                throw error(line, e.getMessage());
            }
        }

        /** Read the fenced block opening at {@code start}; return the index of its closing fence. */
        private int block(int start, Matcher fence) {
            int indent = fence.group(1).length();
            String marker = fence.group(2);
            String language = fence.group(3).toLowerCase(java.util.Locale.ROOT);
            StringBuilder content = new StringBuilder();
            int end = start + 1;
            for (; end < lines.length; end++) {
                String stripped = lines[end].strip();
                if (stripped.length() >= marker.length() && stripped.chars().allMatch(c -> c == marker.charAt(0))) {
                    break;
                }
                content.append(dedent(lines[end], indent)).append('\n');
            }
            if (end >= lines.length) {
                throw error(start + 1, "the code block is not closed");
            }
            addBlock(start + 1, SHELLS.contains(language) ? "sh" : language, content.toString(), lines[start + 1]);
            return end;
        }

        private static String dedent(String line, int indent) {
            int cut = 0;
            while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') {
                cut++;
            }
            return line.substring(cut);
        }

        private void addBlock(int line, String language, String content, String firstLine) {
            Pending directive = pending;
            pending = null;
            boolean runnable = language.equals("lua") || language.equals("sh");
            if (directive == null) {
                if (runnable) {
                    steps.add(new DocStep.Example(line, language, content, DocOptions.DEFAULT, false));
                }
                return;
            }
            switch (directive.kind) {
                case "skip" -> steps.add(new DocStep.Skipped(line, language.isEmpty() ? "text" : language,
                        directive.rest, firstLine.strip()));
                case "file" -> steps.add(new DocStep.WriteFile(line, directive.rest, content));
                case "output" -> {
                    if (runnable) {
                        throw error(directive.line, "an output block must not be a " + language
                                + " block (it would also run); use ``` or ```text");
                    }
                    steps.add(new DocStep.ExpectOutput(line, content, options(directive.line, directive.words)));
                }
                default -> {
                    if (!runnable) {
                        throw error(directive.line, "options apply to a lua or sh block, not to a "
                                + (language.isEmpty() ? "plain" : language) + " block");
                    }
                    steps.add(new DocStep.Example(line, language, content, options(directive.line, directive.words), false));
                }
            }
        }

        private DocSyntaxException error(int line, String message) {
            return new DocSyntaxException(name, line, message);
        }
    }
}
