package dev.hype.pm.rocks.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.rocks.RockBuildKey;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.Rockspec;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.Store;
import dev.hype.pm.store.TarballFetcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Put a rock into the store ready to install, in two entries: the rock as downloaded and checked (keyed by the
 * archive's integrity, as any package), and the rock built for this platform (keyed by that integrity and the
 * platform), which is what {@code hype_modules/rocks:NAME/} gets. A build runs once per rock and platform; offline
 * installs and other projects reuse it.
 *
 * <p>The built folder is laid out as LuaRocks installs one rock: {@code lua/} (Lua modules by module path),
 * {@code lib/} (C modules), {@code bin/}, {@code conf/}, copied directories, the rockspec, and a {@code hype.json}
 * naming the rock ({@code name}, {@code version}, and {@code permissions.native} for a rock with C modules).
 */
public final class RockPreparer {
    /** Built when a rock is built, not when this class is loaded: every install builds a preparer, few a rock. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final RockPlatform platform;
    private final Map<String, String> env;

    /** Create a preparer for this machine, with {@code env} for {@code CC}, {@code HYPE_LUA_INCDIR} and the like. */
    public RockPreparer(RockPlatform platform, Map<String, String> env) {
        this.platform = platform;
        this.env = Map.copyOf(env);
    }

    /** Return the store key of a rock's build on {@code platform}: what {@code hype_modules/rocks:NAME/} holds. */
    public static Integrity buildKey(Integrity archive, RockPlatform platform) {
        return RockBuildKey.of(archive, platform);
    }

    /**
     * Return the built folder of the rock {@code ref} names, fetching, checking, unpacking and building what the
     * store lacks.
     *
     * @throws RockException when the archive does not match, or the build fails
     */
    public Path prepare(Store store, PackageRef ref, TarballFetcher fetcher) {
        return prepare(store, ref, fetcher, false);
    }

    /**
     * Return the built folder as {@link #prepare(Store, PackageRef, TarballFetcher)} does; with {@code fullCheck}
     * ({@code install --force}), every file of both entries is hashed, and a damaged entry is made again: the build
     * from the archive's entry, the archive's entry by fetching the rock again.
     */
    public Path prepare(Store store, PackageRef ref, TarballFetcher fetcher, boolean fullCheck) {
        String rock = RockName.rock(ref.name());
        String version = ref.version().toString();
        String file = ref.tarball().getPath() == null ? ref.tarball().toString()
                : RockSourceLayout.baseName(ref.tarball().getPath());
        String label = ref.label() + " (" + file + ")";
        Path unpacked = store.ensure(ref.integrity(), label, fullCheck, directory -> {
            byte[] bytes = fetcher.fetch(ref);
            ref.integrity().verify(bytes, label);
            RockArchive.unpack(bytes, rock, version, label, directory, platform);
        });
        return store.ensure(buildKey(ref.integrity(), platform), ref.label() + " built for " + platform.arch(),
                fullCheck, directory -> build(unpacked, ref, rock, version, directory));
    }

    private void build(Path unpacked, PackageRef ref, String rock, String version, Path output) throws IOException {
        String specName = rock + "-" + version + ".rockspec";
        Rockspec spec = Rockspec.read(Files.readAllBytes(unpacked.resolve(specName)), specName, platform);
        Path scratch = Files.createTempDirectory("hype-rock-");
        try {
            boolean nativeCode;
            if (Files.isRegularFile(unpacked.resolve(RockArchive.ROCK_MANIFEST))) {
                RockBuild.copyContents(unpacked, output);
                nativeCode = hasLibraries(output.resolve("lib"));
            } else {
                Path work = scratch.resolve("rock");
                RockBuild.copyContents(unpacked, work);
                Path source = sourceFolder(work, spec, ref.label());
                nativeCode = new RockBuild(spec, ref.label(), source, output, platform,
                        () -> CToolchain.find(env, platform, ref.label()), env).run();
                Files.copy(unpacked.resolve(specName), output.resolve(specName), StandardCopyOption.REPLACE_EXISTING);
            }
            writeManifest(output, ref, spec, nativeCode);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Unpack the source archive next to the rockspec and return the folder the build runs in. */
    private static Path sourceFolder(Path work, Rockspec spec, String label) {
        RockSourceLayout layout = RockSourceLayout.of(spec);
        if (layout.file() != null && ArchiveExtractor.isArchive(layout.file())) {
            new ArchiveExtractor().unpackFile(work.resolve(layout.file()), work);
        }
        Path dir = work.resolve(layout.dir()).normalize();
        if (dir.startsWith(work) && Files.isDirectory(dir)) {
            return dir;
        }
        if (!layout.dirGiven()) {
            List<Path> folders = new ArrayList<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(work, p -> Files.isDirectory(p,
                    LinkOption.NOFOLLOW_LINKS))) {
                list.forEach(folders::add);
            } catch (IOException e) {
                throw new RockException(RockException.E_ROCK_BUILD, "cannot read the sources of " + label + ": "
                        + e.getMessage(), List.of(), e);
            }
            if (folders.size() == 1) {
                return folders.getFirst();
            }
        }
        if (layout.dirGiven()) {
            throw new RockException(RockException.E_ROCK_BUILD, "cannot build " + label + ": its source.dir '"
                    + layout.dir() + "' is not in the unpacked sources", List.of(
                            "LuaRocks would fail the same way; ask the rock's authors to fix source.dir"));
        }
        return work;
    }

    private static boolean hasLibraries(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(lib)) {
            return walk.anyMatch(p -> p.getFileName().toString().matches(".*\\.(so|dll|dylib)$"));
        }
    }

    private static void writeManifest(Path output, PackageRef ref, Rockspec spec, boolean nativeCode)
            throws IOException {
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("name", ref.name());
        manifest.put("version", ref.version().toString());
        String summary = spec.description("summary");
        if (!summary.isBlank()) {
            manifest.put("description", summary.strip());
        }
        if (nativeCode) {
            manifest.putObject("permissions").put("native", true);
        }
        manifest.putObject("rock").put("name", spec.name()).put("version", spec.version())
                .put("nativeCode", nativeCode);
        Files.writeString(output.resolve("hype.json"), Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(manifest) + "\n");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a leftover folder in the temporary directory is harmless
        }
    }
}
