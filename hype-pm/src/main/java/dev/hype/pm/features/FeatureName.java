package dev.hype.pm.features;

import java.util.Optional;

/**
 * Check feature names as crates.io does: ASCII letters, digits and {@code _}, then also {@code -} and {@code +}.
 * A name never holds {@code /}, {@code :} or {@code ?}, which {@link FeatureEntry} reads as syntax, nor {@code .},
 * which separates the parts of a field path in manifest errors.
 */
public final class FeatureName {
    /** The feature enabled unless every dependent turns it off. */
    public static final String DEFAULT = "default";
    private static final int MAX_LENGTH = 64;

    private FeatureName() {
    }

    /** Return what is wrong with {@code name} as a feature name, or empty if it is fine. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("a feature name cannot be empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("\"" + name + "\" is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean word = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            if (!word && (i == 0 || (c != '-' && c != '+'))) {
                return Optional.of("\"" + name + "\" is not a feature name (use letters, digits and _, then also - and +)");
            }
        }
        return Optional.empty();
    }
}
