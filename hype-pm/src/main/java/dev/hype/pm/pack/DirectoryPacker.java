package dev.hype.pm.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Pack a project directory into a reproducible tarball. */
final class DirectoryPacker implements Packer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOP = "package/";
    private static final Pattern NAME =
        Pattern.compile("(?:@[a-z0-9~-][a-z0-9._~-]*/)?[a-z0-9~-][a-z0-9._~-]{0,213}");
    private static final Pattern VERSION =
        Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");

    private final SourceChecker checker;

    DirectoryPacker(SourceChecker checker) {
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    private record Manifest(String name, String version, List<String> files) {
    }

    @Override
    public PackResult pack(Path projectDirectory) {
        Path root = projectDirectory.toAbsolutePath().normalize();
        Manifest manifest = readManifest(root.resolve("hype.json"));
        try {
            List<String> paths = FileSelector.of(root, manifest.files()).select();
            List<PackedFile> files = new ArrayList<>();
            byte[] tarball;
            try (TarballWriter writer = new TarballWriter()) {
                TreeSet<String> entries = new TreeSet<>(paths);
                entries.addAll(parentDirectories(paths));
                for (String entry : entries) {
                    if (entry.endsWith("/")) {
                        writer.directory(TOP + entry);
                        continue;
                    }
                    Path file = root.resolve(entry);
                    if (entry.endsWith(".lua")) {
                        checker.check(file, entry);
                    }
                    byte[] content = Files.readAllBytes(file);
                    boolean executable = Files.isExecutable(file) && !isWindows();
                    writer.file(TOP + entry, content, executable);
                    files.add(new PackedFile(entry, content.length, executable));
                }
                tarball = writer.finish();
            }
            return new PackResult(manifest.name(), manifest.version(), fileName(manifest.name(), manifest.version()),
                tarball, Integrity.sha512(tarball), Integrity.sha1(tarball), files);
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK, "cannot pack " + root + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
    }

    /** Return the conventional tarball name: {@code @scope/name} and 1.0.0 give {@code scope-name-1.0.0.tgz}. */
    static String fileName(String name, String version) {
        String flat = name.startsWith("@") ? name.substring(1).replace('/', '-') : name;
        return flat + "-" + version + ".tgz";
    }

    private static List<String> parentDirectories(List<String> paths) {
        List<String> directories = new ArrayList<>();
        for (String path : paths) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                directories.add(path.substring(0, slash + 1));
            }
        }
        return directories;
    }

    private static Manifest readManifest(Path manifestFile) {
        if (!Files.isRegularFile(manifestFile)) {
            throw new PackException(PackException.E_PACK, "no hype.json in " + manifestFile.getParent(),
                List.of("run 'hype pkg init' to create one"));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK, "cannot read " + manifestFile + ": " + dev.hype.runtime.ErrorText.of(e),
                List.of(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new PackException(PackException.E_PACK, manifestFile + " is not a JSON object");
        }
        String name = requiredText(tree, "name", manifestFile);
        String version = requiredText(tree, "version", manifestFile);
        List<String> files = null;
        JsonNode filesNode = tree.get("files");
        if (filesNode != null && !filesNode.isNull()) {
            if (!filesNode.isArray()) {
                throw new PackException(PackException.E_PACK, manifestFile + ": field 'files' must be an array of globs");
            }
            files = new ArrayList<>();
            for (JsonNode glob : filesNode) {
                if (!glob.isTextual()) {
                    throw new PackException(PackException.E_PACK,
                        manifestFile + ": field 'files' must hold only strings, found " + glob);
                }
                files.add(glob.asText());
            }
        }
        return new Manifest(name, version, files);
    }

    private static String requiredText(JsonNode tree, String field, Path manifestFile) {
        JsonNode value = tree.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new PackException(PackException.E_PACK,
                manifestFile + ": field '" + field + "' is missing or not a non-empty string",
                List.of("a package needs a name and a version to be packed"));
        }
        String text = value.asText();
        Pattern shape = field.equals("name") ? NAME : VERSION;
        if (!shape.matcher(text).matches()) {
            throw new PackException(PackException.E_PACK,
                manifestFile + ": field '" + field + "' is not a valid package " + field + ": '" + text + "'",
                List.of(field.equals("name")
                    ? "names are lowercase, URL-safe, optionally scoped: 'my-pkg' or '@team/my-pkg'"
                    : "versions look like 1.2.3 or 1.2.3-beta.1"));
        }
        return text;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
