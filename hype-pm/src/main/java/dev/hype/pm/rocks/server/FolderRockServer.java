package dev.hype.pm.rocks.server;

import dev.hype.pm.rocks.RockException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Read a LuaRocks server laid out in a local folder, named by a {@code file:} URL. */
final class FolderRockServer implements RockServer {
    private final URI url;
    private final Path folder;
    private final ManifestFiles manifests = new ManifestFiles(this, this::file);

    FolderRockServer(URI url) {
        this.url = url;
        this.folder = Path.of(url);
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public URI fileUrl(String fileName) {
        return folder.resolve(fileName).toUri();
    }

    @Override
    public Optional<byte[]> file(String fileName) {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(folder.resolve(fileName)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new RockException(RockException.E_ROCK_SERVER, "cannot read " + folder.resolve(fileName) + ": "
                    + e.getMessage(), List.of("check the folder named in rocks.servers"), e);
        }
    }

    @Override
    public RockManifest manifest() {
        if (!Files.isDirectory(folder)) {
            throw new RockException(RockException.E_ROCK_SERVER, "the LuaRocks server folder " + folder
                    + " does not exist", List.of("check the folder named in rocks.servers"));
        }
        return manifests.lua54();
    }

    @Override
    public RockManifest allManifest() {
        return manifests.all();
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
