package dev.hype.runtime.permissions;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Match canonical paths against permission patterns. A pattern is a glob ({@code *} within one
 * name, {@code **} across names, {@code ?}, {@code [..]}, {@code {a,b}}) relative to the base
 * directory or anchored at {@code $CWD}, {@code $HOME} or {@code $TMP} (or, from a command-line
 * flag, absolute). A path matches when it or one of its parent directories matches: granting a
 * directory grants what is inside it.
 */
final class PathRules {
    private static final String GLOB_CHARS = "*?[]{}\\";

    private final List<Path> prefixes = new ArrayList<>();
    private final List<Glob> globs = new ArrayList<>();

    /** A glob with its literal leading directory: only paths under {@code base} can match. */
    private record Glob(Path base, PathMatcher matcher) {
    }

    PathRules(List<String> patterns, Anchors anchors) {
        for (String pattern : patterns) {
            add(pattern, anchors);
        }
    }

    private void add(String pattern, Anchors anchors) {
        Path base;
        String rest;
        if (pattern.equals("$CWD") || pattern.startsWith("$CWD/")) {
            base = anchors.cwd();
            rest = pattern.substring(4);
        } else if (pattern.equals("$HOME") || pattern.startsWith("$HOME/")) {
            base = anchors.home();
            rest = pattern.substring(5);
        } else if (pattern.equals("$TMP") || pattern.startsWith("$TMP/")) {
            base = anchors.tmp();
            rest = pattern.substring(4);
        } else if (pattern.startsWith("/")) {
            base = Path.of("/");
            rest = pattern;
        } else {
            base = anchors.base();
            rest = "/" + pattern;
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.equals(".")) {
            rest = "";
        }
        int glob = firstGlobChar(rest);
        if (glob < 0) {
            Path literal = rest.isEmpty() ? base : PathCanon.canonical(base.resolve(rest).normalize());
            if (literal != null) {
                prefixes.add(literal);
            }
            return;
        }
        // The literal part before the first glob character is canonicalised like any path; the
        // rest stays a glob.
        int cut = rest.lastIndexOf('/', glob);
        Path literal = cut < 0 ? base : PathCanon.canonical(base.resolve(rest.substring(0, cut)).normalize());
        if (literal == null) {
            return;
        }
        String globPart = cut < 0 ? rest : rest.substring(cut + 1);
        String prefix = escape(literal.toString());
        globs.add(new Glob(literal, FileSystems.getDefault()
                .getPathMatcher("glob:" + (prefix.endsWith("/") ? prefix : prefix + "/") + globPart)));
    }

    private static int firstGlobChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (GLOB_CHARS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String escape(String literal) {
        StringBuilder out = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (GLOB_CHARS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Return whether the canonical {@code path} or one of its parents matches a pattern. */
    boolean allows(Path path) {
        for (Path prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        for (Glob glob : globs) {
            if (!path.startsWith(glob.base())) {
                continue;
            }
            for (Path p = path; p != null && !p.equals(glob.base()); p = p.getParent()) {
                if (glob.matcher().matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
