package dev.hype.runtime.modules.resolve;

import dev.hype.runtime.HypeHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Configure a {@link ModuleResolver}.
 *
 * @param conditions       the conditions {@code exports} and {@code imports} match, in addition to
 *                         {@code default}: always {@code hype} and {@code require}, plus any given
 * @param hypeHome         the Hype home directory; its {@code modules} folder is the last lookup
 *                         directory
 * @param workingDirectory what relative {@code package.path} templates ({@code ./?.lua}) are
 *                         relative to
 * @param builtin          which names are built-in modules
 */
public record ResolverOptions(Set<String> conditions, Path hypeHome, Path workingDirectory, Predicate<String> builtin) {

    /** The conditions every resolution matches, in Node's CommonJS spirit. */
    public static final List<String> DEFAULT_CONDITIONS = List.of("hype", "require", "default");

    /** Validate the options and add the default conditions. */
    public ResolverOptions {
        Objects.requireNonNull(hypeHome, "hypeHome");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(builtin, "builtin");
        List<String> all = new ArrayList<>(DEFAULT_CONDITIONS);
        all.addAll(conditions);
        conditions = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(all));
        hypeHome = hypeHome.toAbsolutePath().normalize();
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** Return the Hype home: {@code $HYPE_HOME}, else {@code ~/.hype} ({@link HypeHome}). */
    public static Path defaultHypeHome() {
        return HypeHome.directory();
    }
}
