package dev.hype.pm.pack;

import java.util.ArrayList;
import java.util.List;

/**
 * Turn raw tar entry names into safe paths relative to the tarball's single top folder, and
 * reject every name that could land outside it.
 */
final class EntryPaths {

    private final String label;
    private String topFolder;

    EntryPaths(String label) {
        this.label = label;
    }

    /**
     * Return the path of {@code rawName} below the top folder ({@code ""} for the top folder
     * itself), {@code /}-separated, without {@code .} or empty segments.
     */
    String relativePath(String rawName) {
        if (rawName.isEmpty()) {
            throw unsafe(rawName, "has an empty name");
        }
        if (rawName.indexOf('\0') >= 0) {
            throw unsafe(rawName, "has a NUL character in its name");
        }
        if (rawName.indexOf('\\') >= 0) {
            throw unsafe(rawName, "has a backslash in its name");
        }
        if (rawName.startsWith("/") || rawName.matches("^[A-Za-z]:.*")) {
            throw unsafe(rawName, "has an absolute path");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawName.split("/")) {
            if (segment.equals("..")) {
                throw unsafe(rawName, "has a '..' segment");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw unsafe(rawName, "does not name anything below the top folder");
        }
        String top = segments.getFirst();
        if (topFolder == null) {
            topFolder = top;
        } else if (!topFolder.equals(top)) {
            throw unsafe(rawName, "is outside the top folder '" + topFolder + "/'");
        }
        return String.join("/", segments.subList(1, segments.size()));
    }

    /** Return the top folder seen so far, or {@code null} before the first entry. */
    String topFolder() {
        return topFolder;
    }

    /** Build the error for an unsafe entry. */
    PackException unsafe(String rawName, String problem) {
        return new PackException(PackException.E_TARBALL_UNSAFE,
            "tarball " + label + ": entry '" + printable(rawName) + "' " + problem,
            List.of("the tarball may be malicious; it was not extracted"));
    }

    private static String printable(String name) {
        return name.replace("\0", "\\0");
    }
}
