package dev.hype.runtime.permissions;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Implement {@link Access} for a package, or the sandboxed project, from its {@link PermissionSpec}. */
final class GrantedAccess implements Access {
    private final String packageName;
    private final PermissionSpec spec;
    private final PathRules read;
    private final PathRules write;
    private final Path own;
    private final List<Pattern> classes;
    private final ProtectedPaths protectedPaths;
    private final String note;

    GrantedAccess(String packageName, PermissionSpec spec, Anchors anchors) {
        this(packageName, spec, anchors, ProtectedPaths.NAMES, null);
    }

    /**
     * Create the access of a package ({@code packageName}) or of the sandboxed project (null).
     *
     * @param protectedPaths what no write grant covers
     * @param note why the realm has no approval at all, for the hints of its denials; null when it was read
     */
    GrantedAccess(String packageName, PermissionSpec spec, Anchors anchors, ProtectedPaths protectedPaths, String note) {
        this.packageName = packageName;
        this.protectedPaths = protectedPaths;
        this.note = note;
        this.spec = spec;
        this.read = new PathRules(spec.read(), anchors);
        this.write = new PathRules(spec.write(), anchors);
        // A package may always read its own files; the project has no such implicit grant.
        this.own = packageName == null ? null : anchors.base();
        this.classes = spec.java().stream().map(GrantedAccess::classPattern).toList();
    }

    @Override
    public boolean unrestricted() {
        return false;
    }

    @Override
    public String packageName() {
        return packageName;
    }

    @Override
    public boolean mayRead(Path path) {
        Path canonical = PathCanon.canonical(path);
        if (canonical == null) {
            return false;
        }
        return own != null && canonical.startsWith(own) || read.allows(canonical) || write.allows(canonical);
    }

    @Override
    public boolean mayWrite(Path path) {
        Path canonical = PathCanon.canonical(path);
        return canonical != null && protectedPaths.reason(canonical) == null && write.allows(canonical);
    }

    @Override
    public boolean mayConnect(String host, int port, int defaultPort) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String entry : spec.domains()) {
            String domain = entry.toLowerCase(Locale.ROOT);
            String entryPort = null;
            int colon = domain.lastIndexOf(':');
            // A command-line flag may name a port: host:8080, or host:* for any port.
            if (colon > 0 && domain.indexOf(':') == colon) {
                entryPort = domain.substring(colon + 1);
                domain = domain.substring(0, colon);
            }
            if (!hostMatches(domain, h)) {
                continue;
            }
            if (entryPort == null) {
                if (spec.ports().isEmpty() ? port == defaultPort : spec.ports().contains(port)) {
                    return true;
                }
            } else if (entryPort.equals("*") || entryPort.equals(String.valueOf(port))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hostMatches(String domain, String host) {
        return domain.equals("*") || domain.equals(host) || domain.startsWith("*.") && host.endsWith(domain.substring(1));
    }

    @Override
    public boolean mayReadEnv(String name) {
        for (String allowed : spec.env()) {
            if (allowed.equals(name) || allowed.endsWith("*") && name.startsWith(allowed.substring(0, allowed.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean mayRun() {
        return spec.process();
    }

    @Override
    public boolean mayUseClass(String className) {
        for (Pattern pattern : classes) {
            if (pattern.matcher(className).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean mayLoadNative() {
        return spec.nativeCode();
    }

    @Override
    public PermissionDeniedError denied(Kind kind, String operation, String resource) {
        return new PermissionDeniedError(packageName, kind, operation, resource, hint(kind, resource));
    }

    private String hint(Kind kind, String resource) {
        if (kind == Kind.LOAD) {
            return packageName == null ? ""
                    : "a package may load its own files, built-in modules and other packages by name";
        }
        if (kind == Kind.WRITE) {
            Path canonical = PathCanon.canonical(Path.of(resource));
            String reason = canonical == null ? null : protectedPaths.reason(canonical);
            if (reason != null) {
                return "no permission covers writing it: " + reason + " (docs/permissions.md, \"What is authoritative\")";
            }
        }
        if (note != null) {
            return note;
        }
        String field = kind.field().orElseThrow();
        if (kind == Kind.NET && !spec.domains().isEmpty() && portDenied(resource)) {
            field = "permissions.network.ports";
        }
        if (packageName == null) {
            return "allow it with " + field + " in hype.json" + kind.flag()
                    .map(f -> " or run with " + f + (kind == Kind.RUN ? "" : "=" + resource)).orElse("");
        }
        return "allow it with " + field + " in " + packageName + "'s hype.json, then approve it with "
                + "'hype pkg install --allow-permissions'";
    }

    /** Return whether the host of {@code host:port} is allowed on some port, so only the port is missing. */
    private boolean portDenied(String resource) {
        int colon = resource.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String host = resource.substring(0, colon);
        for (int port : spec.ports()) {
            if (mayConnect(host, port, port)) {
                return true;
            }
        }
        return mayConnect(host, 80, 80) || mayConnect(host, 443, 443);
    }

    /** Compile a class-name pattern: {@code **} matches anything, {@code *} anything but a dot. */
    static Pattern classPattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^.]*");
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
