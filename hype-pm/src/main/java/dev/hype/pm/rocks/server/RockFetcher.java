package dev.hype.pm.rocks.server;

import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.StoreException;
import dev.hype.pm.store.TarballFetcher;
import java.net.URI;
import java.util.List;

/**
 * Download rock archives by the URL the lockfile records (or that this run located), checked against the recorded
 * integrity.
 */
public final class RockFetcher implements TarballFetcher {
    private final RockRepository repository;

    /** Create a fetcher over {@code repository}. */
    public RockFetcher(RockRepository repository) {
        this.repository = repository;
    }

    @Override
    public byte[] fetch(PackageRef ref) {
        byte[] bytes = repository.downloaded(ref.tarball()).map(RockRepository.Archive::bytes)
                .orElseGet(() -> download(ref));
        ref.integrity().verify(bytes, ref.label() + " (" + ref.tarball() + ")");
        return bytes;
    }

    private byte[] download(PackageRef ref) {
        URI url = ref.tarball();
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            throw new StoreException(StoreException.E_FETCH, "cannot fetch " + ref.label() + ": " + url
                    + " does not name a rock file", List.of("run 'hype pkg install' to locate it again"), null);
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        return repository.server(url.resolve(".")).file(file).orElseThrow(() -> new StoreException(
                StoreException.E_FETCH, "cannot fetch " + ref.label() + ": " + url + " is not there any more",
                List.of("the server no longer serves it; 'hype pkg update " + ref.name() + "' picks a version it"
                        + " serves"), null));
    }
}
