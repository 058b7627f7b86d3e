package dev.hype.pm.resolve;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report that no set of versions satisfies every constraint, with pub's explanation of why. */
public final class ResolutionException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** Code of an unsatisfiable set of constraints. */
    public static final String VERSION_CONFLICT = "E_VERSION_CONFLICT";

    private final String explanation;

    /** Create the error from the rendered explanation. */
    public ResolutionException(String explanation, List<String> hints) {
        super(VERSION_CONFLICT, "version solving failed:\n" + explanation, hints);
        this.explanation = explanation;
    }

    /** Return the explanation, lines such as "Because a 1.0.0 depends on b ^2.0.0 ..., version solving failed." */
    public String explanation() {
        return explanation;
    }
}
