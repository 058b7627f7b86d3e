package dev.hype.pm.ops;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.resolve.IndexPackageSource;
import dev.hype.pm.store.FileTarballFetcher;
import dev.hype.pm.store.IndexDistSource;
import java.nio.file.Path;

/**
 * Install a project in a child JVM, so that a test can kill the process mid-install: the test stops it at a named
 * point with {@code HYPE_PAUSE_AT} and {@code HYPE_PAUSE_FIFO} ({@link dev.hype.pm.fault.PausePoints}). Arguments:
 * PROJECT INDEX STORE.
 */
public final class InstallChild {
    private InstallChild() {
    }

    /** Run the install. */
    public static void main(String[] args) {
        Path index = Path.of(args[1]);
        PackageSources sources = new PackageSources(IndexPackageSource.load(index), IndexDistSource.load(index),
                new FileTarballFetcher());
        InstallOperation.run(InstallOptions.of(Path.of(args[0]), sources, Path.of(args[2])), Reporter.SILENT);
    }
}
