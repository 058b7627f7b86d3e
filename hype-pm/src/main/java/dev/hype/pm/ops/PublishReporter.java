package dev.hype.pm.ops;

import dev.hype.pm.pack.PackResult;
import java.net.URI;

/** Receive the steps of a publish as they happen; every method does nothing by default. */
public interface PublishReporter {
    /** A reporter that ignores everything. */
    PublishReporter SILENT = new PublishReporter() { };

    /** Note that the project was packed. */
    default void packed(PackResult packed) {
    }

    /** Note that the upload to {@code registry} starts. */
    default void uploading(URI registry, PackResult packed) {
    }
}
