package dev.hype.pm.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.pm.manifest.BinRules;
import dev.hype.runtime.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private record Manifest(String name, String version, List<String> files, Map<String, String> bins) {
    }

    @Override
    public PackResult pack(Path projectDirectory) {
        Path root = projectDirectory.toAbsolutePath().normalize();
        Manifest manifest = readManifest(root.resolve("hype.json"));
        try {
            List<String> paths = FileSelector.of(root, manifest.files()).select();
            checkBins(manifest, paths, root.resolve("hype.json"));
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
        return new Manifest(name, version, files, bins(tree, name, manifestFile));
    }

    /** Read {@code bin}: a string maps the unscoped name to it, an object maps command names to files. */
    private static Map<String, String> bins(JsonNode tree, String name, Path manifestFile) {
        Map<String, String> bins = new LinkedHashMap<>();
        JsonNode bin = tree.get("bin");
        if (bin == null || bin.isNull()) {
            return bins;
        }
        if (bin.isTextual()) {
            bins.put(name.substring(name.indexOf('/') + 1), bin.textValue());
        } else if (bin.isObject()) {
            for (var e : bin.properties()) {
                if (!e.getValue().isTextual()) {
                    throw new PackException(PackException.E_PACK, manifestFile + ": field 'bin." + e.getKey()
                        + "' must be the path of a file in the package");
                }
                bins.put(e.getKey(), e.getValue().textValue());
            }
        } else {
            throw new PackException(PackException.E_PACK, manifestFile
                + ": field 'bin' must be a path, or an object of command names to paths");
        }
        return bins;
    }

    /** Refuse a bin whose name or path is not acceptable, or whose file is not among the files packed. */
    private static void checkBins(Manifest manifest, List<String> paths, Path manifestFile) {
        for (Map.Entry<String, String> bin : manifest.bins().entrySet()) {
            String problem = BinRules.nameProblem(bin.getKey());
            if (problem == null) {
                problem = BinRules.targetProblem(bin.getValue());
            }
            if (problem == null && !paths.contains(BinRules.normalise(bin.getValue()))) {
                problem = "its file '" + BinRules.normalise(bin.getValue()) + "' is "
                    + (Files.isRegularFile(manifestFile.resolveSibling(BinRules.normalise(bin.getValue())))
                        ? "left out of the package by 'files' or .hypeignore" : "missing");
            }
            if (problem != null) {
                throw new PackException(PackException.E_PACK, manifestFile + ": bin '"
                    + TerminalText.escape(bin.getKey()) + "': " + problem,
                    List.of("a bin names a Lua file of the package, run with hype: \"bin\": {\"tool\": \"bin/tool.lua\"}"));
            }
        }
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
