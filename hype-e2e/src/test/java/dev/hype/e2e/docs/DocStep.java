package dev.hype.e2e.docs;

/** One thing a page asks the docs test to do, in page order. */
sealed interface DocStep {
    /** Return the line of the page the step comes from. */
    int line();

    /** Run {@code code} ({@code lua}: as {@code hype FILE}; {@code sh}: with bash) and check its exit status. */
    record Example(int line, String language, String code, DocOptions options, boolean hidden) implements DocStep {
    }

    /** Write {@code content} to {@code path} in the page's project. */
    record WriteFile(int line, String path, String content) implements DocStep {
    }

    /** Compare the output of the page's previous example with {@code expected}. */
    record ExpectOutput(int line, String expected, DocOptions options) implements DocStep {
    }

    /** An example the page marks as one that cannot run, and why. */
    record Skipped(int line, String language, String reason, String firstLine) implements DocStep {
    }
}
