package dev.hype.pm.ops;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.resolve.IndexPackageSource;
import dev.hype.pm.store.FileTarballFetcher;
import dev.hype.pm.store.IndexDistSource;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.TarballFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Install a project in a child JVM and block at a chosen point until a latch file appears, so that a test can kill
 * the process mid-install. Arguments: PROJECT INDEX STORE STARTED LATCH MODE, where MODE is {@code fetch} (block in
 * the first tarball fetch) or {@code link} (block after the first package went into the staging tree).
 */
public final class InstallChild {
    private InstallChild() {
    }

    /** Run the install. */
    public static void main(String[] args) {
        Path started = Path.of(args[3]);
        Path latch = Path.of(args[4]);
        boolean inFetch = args[5].equals("fetch");
        TarballFetcher files = new FileTarballFetcher();
        TarballFetcher fetcher = ref -> {
            if (inFetch) {
                block(started, latch);
            }
            return files.fetch(ref);
        };
        Reporter reporter = new Reporter() {
            @Override
            public void linked(PackageRef ref) {
                if (!inFetch) {
                    block(started, latch);
                }
            }
        };
        Path index = Path.of(args[1]);
        PackageSources sources = new PackageSources(IndexPackageSource.load(index), IndexDistSource.load(index), fetcher);
        InstallOperation.run(InstallOptions.of(Path.of(args[0]), sources, Path.of(args[2])), reporter);
    }

    private static void block(Path started, Path latch) {
        try {
            if (!Files.exists(started)) {
                Files.writeString(started, "started\n");
            }
            while (!Files.exists(latch)) {
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
