package dev.hype.registry.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.fault.PausePoints;
import dev.hype.pm.files.AtomicWrite;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keep packages in a directory; packuments are cached in memory once read, and the cache is
 * updated by every write made through this store.
 */
final class DirectoryPackageStore implements PackageStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKUMENT_FILE = "package.json";

    private final Path root;
    private final Map<String, ObjectNode> cache = new ConcurrentHashMap<>();
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();

    DirectoryPackageStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StorageException(StorageException.E_STORAGE, "cannot create the storage directory " + this.root
                + ": " + e.getMessage(), List.of(), e);
        }
        StorageRecovery.clean(this.root);
    }

    @Override
    public Path root() {
        return root;
    }

    private Path directory(PackageName name) {
        return name.scoped() ? root.resolve("@" + name.scope()).resolve(name.bare()) : root.resolve(name.bare());
    }

    @Override
    public Optional<ObjectNode> packument(PackageName name) {
        ObjectNode cached = cache.get(name.toString());
        if (cached == null) {
            Path file = directory(name).resolve(PACKUMENT_FILE);
            try {
                JsonNode tree = JSON.readTree(Files.readAllBytes(file));
                if (!(tree instanceof ObjectNode object)) {
                    throw failure("the packument of " + name + " is not a JSON object", null);
                }
                cached = object;
                cache.putIfAbsent(name.toString(), cached);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw failure("cannot read the packument of " + name, e);
            }
        }
        return Optional.of(cached.deepCopy());
    }

    @Override
    public void writePackument(PackageName name, ObjectNode packument) {
        Path file = directory(name).resolve(PACKUMENT_FILE);
        ObjectNode copy = packument.deepCopy();
        try {
            write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(copy), "packument");
        } catch (IOException e) {
            throw failure("cannot write the packument of " + name, e);
        }
        cache.put(name.toString(), copy);
        revisions.merge(name.toString(), 1L, Long::sum);
    }

    /**
     * Write {@code file} through a temporary file, flushed to the disk before and after the rename, so that a version
     * whose packument names it never lacks its tarball, even after a power loss. A test can stop the process before
     * and after each rename ({@code registry.KIND.prepared}, {@code registry.KIND.written}).
     */
    private static void write(Path file, byte[] data, String kind) throws IOException {
        Path temp = AtomicWrite.prepare(file, data, true);
        PausePoints.reach("registry." + kind + ".prepared");
        AtomicWrite.replace(temp, file, true);
        PausePoints.reach("registry." + kind + ".written");
    }

    @Override
    public long revision(PackageName name) {
        return revisions.getOrDefault(name.toString(), 0L);
    }

    @Override
    public Optional<Path> tarball(PackageName name, String fileName) {
        checkFileName(fileName);
        Path file = directory(name).resolve(fileName);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void writeTarball(PackageName name, String fileName, byte[] data) {
        checkFileName(fileName);
        Path file = directory(name).resolve(fileName);
        try {
            write(file, data, "tarball");
        } catch (IOException e) {
            throw failure("cannot write " + fileName, e);
        }
    }

    @Override
    public boolean deleteTarball(PackageName name, String fileName) {
        checkFileName(fileName);
        Path file = directory(name).resolve(fileName);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("cannot delete " + fileName, e);
        }
    }

    @Override
    public List<PackageName> names() {
        List<PackageName> names = new ArrayList<>();
        try (DirectoryStream<Path> top = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path entry : top) {
                String dir = entry.getFileName().toString();
                if (dir.startsWith(".")) {
                    continue;
                }
                if (dir.startsWith("@")) {
                    try (DirectoryStream<Path> scoped = Files.newDirectoryStream(entry, Files::isDirectory)) {
                        for (Path inner : scoped) {
                            addIfPackage(names, inner, dir + "/" + inner.getFileName());
                        }
                    }
                } else {
                    addIfPackage(names, entry, dir);
                }
            }
        } catch (IOException e) {
            throw failure("cannot list the packages", e);
        }
        names.sort(Comparator.comparing(PackageName::toString));
        return names;
    }

    private static void addIfPackage(List<PackageName> names, Path directory, String name) {
        if (Files.isRegularFile(directory.resolve(PACKUMENT_FILE))) {
            try {
                names.add(PackageName.parse(name));
            } catch (StorageException ignored) {
                // a foreign directory in the storage folder is not a package
            }
        }
    }

    private static void checkFileName(String fileName) {
        if (!fileName.endsWith(".tgz") || fileName.contains("/") || fileName.contains("\\")
            || fileName.startsWith(".") || fileName.indexOf('\0') >= 0) {
            throw new StorageException(StorageException.E_INVALID_NAME, "invalid tarball file name '" + fileName + "'",
                List.of(), null);
        }
    }

    /**
     * Build a storage error whose message names the package but not the storage directory, since the server sends it
     * to clients: {@code cannot write a-1.0.0.tgz: No space left on device}.
     */
    private StorageException failure(String message, Throwable cause) {
        String reason = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
            : cause == null ? null : String.valueOf(cause.getMessage());
        if (reason != null) {
            reason = reason.replace(root.toString(), "<storage>");
        }
        return new StorageException(StorageException.E_STORAGE, message + (reason == null ? "" : ": " + reason),
            List.of(), cause);
    }
}
