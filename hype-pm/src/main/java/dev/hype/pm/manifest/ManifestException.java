package dev.hype.pm.manifest;

import dev.hype.runtime.HypeException;
import java.util.List;
import java.util.stream.Collectors;

/** Report a manifest that is not valid JSON or breaks the manifest rules, listing every problem at once. */
public final class ManifestException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** Code of an invalid manifest. */
    public static final String CODE = "E_MANIFEST";

    private final transient List<ManifestProblem> problems;

    /** Create the error from its problems (at least one). */
    public ManifestException(List<ManifestProblem> problems) {
        super(CODE, summary(problems), List.of("fix the fields listed above; see docs/manifest.md"));
        this.problems = List.copyOf(problems);
    }

    /** Create an error about the file as a whole, such as an unreadable file. */
    public ManifestException(String message, Throwable cause) {
        super(CODE, message, List.of(), cause);
        this.problems = List.of();
    }

    /** Return every problem found, in document order. */
    public List<ManifestProblem> problems() {
        return problems;
    }

    private static String summary(List<ManifestProblem> problems) {
        String head = problems.size() == 1 ? "invalid manifest:" : "invalid manifest (" + problems.size() + " problems):";
        return head + "\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
