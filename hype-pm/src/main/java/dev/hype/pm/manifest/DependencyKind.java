package dev.hype.pm.manifest;

/** Name the manifest sections that hold dependencies. */
public enum DependencyKind {
    /** Needed at run time. */
    RUNTIME("dependencies"),
    /** Needed to develop and test the package only. */
    DEV("devDependencies"),
    /** Needed when a feature enables it. */
    OPTIONAL("optionalDependencies");

    private final String key;

    DependencyKind(String key) {
        this.key = key;
    }

    /** Return the JSON key of the section, such as {@code devDependencies}. */
    public String key() {
        return key;
    }
}
