package dev.hype.pm.rocks.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.rocks.Rockspec;
import java.util.List;
import java.util.Locale;

/**
 * Say where a source rock's sources are, as LuaRocks' {@code rockspecs.lua} works it out: the source file (for
 * {@code http}, {@code https}, {@code ftp} and {@code file} URLs, {@code source.file} or the URL's last part) and the
 * folder the build runs in ({@code source.dir}, else the file or URL's base name without {@code .tar.gz},
 * {@code .zip}, {@code .git}, ...).
 *
 * @param file the source file inside the rock, or {@code null} for a fetched tree (git and other protocols), which
 *     the rock holds as a folder
 * @param dir the folder to build in, relative to the unpacked rock
 * @param dirGiven whether the rockspec named the folder ({@code source.dir})
 */
record RockSourceLayout(String file, String dir, boolean dirGiven) {
    private static final List<String> KNOWN_EXTENSIONS = List.of("zip", "git", "tgz", "tar", "gz", "bz2");

    static RockSourceLayout of(Rockspec spec) {
        JsonNode source = spec.tree().path("source");
        String url = source.path("url").asText("");
        int scheme = url.indexOf("://");
        String protocol = scheme < 0 ? "file" : url.substring(0, scheme).toLowerCase(Locale.ROOT);
        boolean basic = List.of("http", "https", "ftp", "file").contains(protocol);
        String file = source.path("file").isTextual() ? source.get("file").asText() : basic ? baseName(url) : null;
        String base = deduceBaseDir(file != null ? file : url);
        String dir;
        boolean given = source.path("dir").isTextual();
        if (given) {
            dir = source.get("dir").asText();
        } else if (source.path("module").isTextual()) {
            dir = source.get("module").asText();
        } else if ((file != null ? file : url).matches("(?s).*\\.(lua|c)$")) {
            dir = spec.formatAtLeast("3.0") ? (basic ? "." : base) : ".";
        } else {
            dir = base;
        }
        return new RockSourceLayout(file == null || file.isEmpty() ? null : file, dir, given);
    }

    static String baseName(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(slash + 1);
    }

    /** Return {@code dir.deduce_base_dir}: the last known extension dropped, then every {@code .tar}. */
    static String deduceBaseDir(String url) {
        String base = baseName(url);
        int dot = base.lastIndexOf('.');
        if (dot >= 0 && KNOWN_EXTENSIONS.contains(base.substring(dot + 1))) {
            base = base.substring(0, dot);
        }
        return base.replace(".tar", "");
    }
}
