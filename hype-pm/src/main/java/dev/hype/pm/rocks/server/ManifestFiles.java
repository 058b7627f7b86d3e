package dev.hype.pm.rocks.server;

import dev.hype.pm.rocks.RockException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Read a server's manifests once each: the Lua 5.4 one (the first of {@link RockServer#MANIFESTS} it has) and the
 * one of every Lua version ({@link RockServer#ALL_MANIFESTS}), unzipped when zipped.
 */
final class ManifestFiles {
    private static final long MAX_MANIFEST = 512L * 1024 * 1024;

    private final RockServer server;
    private final Function<String, Optional<byte[]>> fetch;
    private volatile RockManifest lua54;
    private volatile RockManifest all;

    /** Read the manifests of {@code server}, fetching files with {@code fetch}. */
    ManifestFiles(RockServer server, Function<String, Optional<byte[]>> fetch) {
        this.server = server;
        this.fetch = fetch;
    }

    /** Return the Lua 5.4 manifest, read on first use. */
    RockManifest lua54() {
        RockManifest m = lua54;
        if (m == null) {
            m = read(server, RockServer.MANIFESTS, fetch);
            lua54 = m;
        }
        return m;
    }

    /** Return the manifest of every Lua version, read on first use. */
    RockManifest all() {
        RockManifest m = all;
        if (m == null) {
            m = read(server, RockServer.ALL_MANIFESTS, fetch);
            all = m;
        }
        return m;
    }

    /** Read the first of the manifest files {@code names} that {@code server} has, fetching with {@code fetch}. */
    private static RockManifest read(RockServer server, List<String> names, Function<String, Optional<byte[]>> fetch) {
        for (String name : names) {
            Optional<byte[]> bytes = fetch.apply(name);
            if (bytes.isPresent()) {
                String what = server.fileUrl(name).toString();
                byte[] text = name.endsWith(".zip") ? unzip(bytes.get(), name.substring(0, name.length() - 4), what)
                        : bytes.get();
                return RockManifest.read(text, what);
            }
        }
        throw new RockException(RockException.E_ROCK_SERVER, server.url() + " is not a LuaRocks server: it has none of "
                + String.join(", ", names), List.of("check the URL in rocks.servers; a folder needs the"
                + " manifests 'luarocks-admin make_manifest FOLDER' writes"));
    }

    /** Return the entry {@code entryName} of a zipped manifest. */
    private static byte[] unzip(byte[] zip, String entryName, String what) {
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
            ZipArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(entryName) || entry.getName().endsWith("/" + entryName)) {
                    return readBounded(in, what);
                }
            }
        } catch (IOException e) {
            throw new RockException(RockException.E_ROCK_SERVER, what + " is not a zip archive: " + e.getMessage(),
                    List.of(), e);
        }
        throw new RockException(RockException.E_ROCK_SERVER, what + " does not hold " + entryName, List.of());
    }

    private static byte[] readBounded(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_MANIFEST + 1));
        if (bytes.length > MAX_MANIFEST) {
            throw new RockException(RockException.E_ROCK_SERVER, what + " unpacks to more than "
                    + (MAX_MANIFEST >> 20) + " MiB", List.of());
        }
        return bytes;
    }
}
