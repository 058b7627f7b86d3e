package dev.hype.pm.rocks;

import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.pm.rocks.server.RocksConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A LuaRocks server in a folder written by hand, without LuaRocks' tools: a manifest as given, rockspecs and rock
 * files, for tests of what Hype makes of a server's files (including files that do not match its manifest).
 */
public final class RockFolder {
    private final Path folder;

    /** Create the folder, with {@code manifest} as both {@code manifest-5.4} and {@code manifest}. */
    public RockFolder(Path folder, String manifest) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("manifest-5.4"), manifest);
            Files.writeString(folder.resolve("manifest"), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Return the folder. */
    public Path folder() {
        return folder;
    }

    /** Write a file of the server. */
    public RockFolder file(String name, byte[] content) {
        try {
            Files.write(folder.resolve(name), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Write {@code NAME-VERSION.rockspec} for a rock named {@code rockName} (another name makes a liar), with Lua text. */
    public RockFolder rockspec(String name, String version, String rockName, String extra) {
        return file(name + "-" + version + ".rockspec", spec(rockName, version, extra).getBytes(StandardCharsets.UTF_8));
    }

    /** Return the text of a rockspec with a {@code none} build and {@code extra} Lua text at its end. */
    public static String spec(String name, String version, String extra) {
        return "package = \"" + name + "\"\nversion = \"" + version + "\"\nsource = { url = \"https://example.invalid/"
                + name + ".tar.gz\" }\nbuild = { type = \"none\" }\n" + extra;
    }

    /** Return a zip holding one entry. */
    public static byte[] zip(String entry, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Return a repository reading only this folder. */
    public RockRepository repository() {
        return new RockRepository(new RocksConfig(List.of(folder.toUri()), Map.of()), ClientOptions.defaults(null),
                RockPlatform.current());
    }
}
