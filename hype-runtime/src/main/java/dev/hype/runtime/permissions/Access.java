package dev.hype.runtime.permissions;

import java.nio.file.Path;

/**
 * Say what one realm of code may do: a package under {@code hype_modules/} (its approved
 * permissions), the project under {@code --sandbox} (its own permissions plus the flags), or
 * trusted code ({@link #UNRESTRICTED}).
 *
 * <p>The {@code may*} methods answer; the {@code check*} methods throw a {@link
 * PermissionDeniedError} naming the package, the operation and the resource, with a hint naming
 * what would allow it. Paths are checked after {@code ..} and symbolic links are resolved.
 */
public interface Access {
    /** Trusted code: everything is allowed. */
    Access UNRESTRICTED = new Unrestricted();

    /**
     * Return the access a spec grants.
     *
     * @param packageName the package's name, or null for the project's own code
     * @param spec what it may do
     * @param anchors the directories its relative and {@code $}-anchored patterns start from
     */
    static Access of(String packageName, PermissionSpec spec, Anchors anchors) {
        return new GrantedAccess(packageName, spec, anchors);
    }

    /** Return whether every check passes. */
    boolean unrestricted();

    /** Return the package this access belongs to, or null for the project or trusted code. */
    String packageName();

    /** Return whether {@code path} (absolute) may be read. */
    boolean mayRead(Path path);

    /** Return whether {@code path} (absolute) may be created, changed or removed. */
    boolean mayWrite(Path path);

    /** Return whether a connection to {@code host} on {@code port} is allowed; {@code defaultPort} is the scheme's. */
    boolean mayConnect(String host, int port, int defaultPort);

    /** Return whether the environment variable {@code name} may be read. */
    boolean mayReadEnv(String name);

    /** Return whether programs may be run. */
    boolean mayRun();

    /** Return whether the Java class {@code className} (binary name, {@code a.b.C$D}) may be used. */
    boolean mayUseClass(String className);

    /** Return whether native code may be loaded. */
    boolean mayLoadNative();

    /** Return the error for a denied {@code operation} on {@code resource}. */
    PermissionDeniedError denied(Kind kind, String operation, String resource);

    /** Refuse a read of {@code path} unless allowed. */
    default void checkRead(Path path, String operation) {
        if (!mayRead(path)) {
            throw denied(Kind.READ, operation, path.toString());
        }
    }

    /** Refuse a write of {@code path} unless allowed. */
    default void checkWrite(Path path, String operation) {
        if (!mayWrite(path)) {
            throw denied(Kind.WRITE, operation, path.toString());
        }
    }

    /** Refuse a connection unless allowed. */
    default void checkConnect(String host, int port, int defaultPort, String operation) {
        if (!mayConnect(host, port, defaultPort)) {
            throw denied(Kind.NET, operation, host + ":" + port);
        }
    }

    /** Refuse reading an environment variable unless allowed. */
    default void checkEnv(String name, String operation) {
        if (!mayReadEnv(name)) {
            throw denied(Kind.ENV, operation, name);
        }
    }

    /** Refuse running {@code program} unless allowed. */
    default void checkRun(String program, String operation) {
        if (!mayRun()) {
            throw denied(Kind.RUN, operation, program);
        }
    }

    /** Refuse the Java class unless allowed. */
    default void checkClass(String className, String operation) {
        if (!mayUseClass(className)) {
            throw denied(Kind.JAVA, operation, className);
        }
    }

    /** Refuse native code unless allowed. */
    default void checkNative(String what, String operation) {
        if (!mayLoadNative()) {
            throw denied(Kind.NATIVE, operation, what);
        }
    }
}
