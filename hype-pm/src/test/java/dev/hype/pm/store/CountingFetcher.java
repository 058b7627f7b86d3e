package dev.hype.pm.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fetch {@code file:} tarballs, remembering each fetch, and fail on the Nth fetch when asked: a test double. */
public final class CountingFetcher implements TarballFetcher {
    private final TarballFetcher delegate = new FileTarballFetcher();
    private final List<String> fetched = new CopyOnWriteArrayList<>();
    private final int failOn;

    /** Fetch every tarball. */
    public CountingFetcher() {
        this(0);
    }

    /** Throw a {@link StoreException} on fetch number {@code failOn} (1-based; 0 never). */
    public CountingFetcher(int failOn) {
        this.failOn = failOn;
    }

    @Override
    public byte[] fetch(PackageRef ref) {
        fetched.add(ref.label());
        if (fetched.size() == failOn) {
            throw new StoreException(StoreException.E_FETCH, "injected failure fetching " + ref.label());
        }
        return delegate.fetch(ref);
    }

    /** Return the labels fetched, in order. */
    public List<String> fetched() {
        return List.copyOf(fetched);
    }
}
