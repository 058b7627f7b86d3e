package dev.hype.runtime.builtins;

import dev.hype.runtime.permissions.Access;
import dev.hype.runtime.permissions.Kind;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Answer {@code process.permissions.has(kind, resource)} from a realm's {@link Access}. */
final class PermissionQuery {
    private PermissionQuery() {
    }

    /**
     * Return whether {@code access} allows {@code kind} on {@code resource}: a path (relative to
     * {@code cwd}), a URL or {@code host[:port]}, a variable name, a class name; nothing for run
     * and native.
     */
    static boolean allows(Access access, Kind kind, String resource, WorkingDirectory cwd) {
        return switch (kind) {
            case READ -> path(resource, cwd) instanceof Path p && access.mayRead(p);
            case WRITE -> path(resource, cwd) instanceof Path p && access.mayWrite(p);
            case NET -> connect(access, resource);
            case ENV -> access.mayReadEnv(resource);
            case RUN -> access.mayRun();
            case JAVA -> access.mayUseClass(resource);
            case NATIVE -> access.mayLoadNative();
            case LOAD -> false;
        };
    }

    private static Path path(String text, WorkingDirectory cwd) {
        if (text.indexOf('\0') >= 0) {
            return null;
        }
        try {
            return cwd.resolve(Path.of(text));
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A URL ({@code https://host:port/...}) or {@code host[:port]} (port 443 when left out). */
    private static boolean connect(Access access, String resource) {
        String host;
        int port;
        int defaultPort;
        if (resource.contains("://")) {
            URI uri;
            try {
                uri = URI.create(resource);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (uri.getHost() == null) {
                return false;
            }
            defaultPort = "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
            host = uri.getHost();
            port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        } else {
            int colon = resource.lastIndexOf(':');
            defaultPort = 443;
            if (colon > 0 && resource.indexOf(':') == colon) {
                host = resource.substring(0, colon);
                try {
                    port = Integer.parseInt(resource.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else {
                host = resource;
                port = defaultPort;
            }
        }
        return access.mayConnect(host, port, defaultPort);
    }
}
