package dev.hype.pm.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Read tarballs named by {@code file:} URLs. */
public final class FileTarballFetcher implements TarballFetcher {
    @Override
    public byte[] fetch(PackageRef ref) {
        if (!"file".equals(ref.tarball().getScheme())) {
            throw new StoreException(StoreException.E_FETCH, "cannot fetch " + ref.label() + " from " + ref.tarball()
                    + ": only file: URLs are supported here", List.of(), null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(ref.tarball()));
        } catch (IOException e) {
            throw new StoreException(StoreException.E_FETCH, "cannot fetch " + ref.label() + " from " + ref.tarball()
                    + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
        ref.integrity().verify(bytes, ref.label() + " (" + ref.tarball() + ")");
        return bytes;
    }
}
