package dev.hype.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A checkout of its own holding a copy of the launcher and the built distribution, for tests that change them. */
final class DistributionCopy {
    private DistributionCopy() {
    }

    /** The distribution the launcher of this checkout runs. */
    static Path dist() {
        return Hype.checkout().resolve("hype-cli/target/dist");
    }

    /** Copy the launcher and the distribution under {@code checkout}, with or without the AOT caches; return the launcher. */
    static Path make(Path checkout, boolean withCaches) throws IOException {
        Files.createDirectories(checkout.resolve("scripts"));
        Files.copy(Hype.launcher(), checkout.resolve("hype"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Hype.checkout().resolve("scripts/find-java.sh"), checkout.resolve("scripts/find-java.sh"));
        Path target = checkout.resolve("hype-cli/target/dist");
        try (Stream<Path> files = Files.walk(dist())) {
            for (Path from : files.toList()) {
                Path to = target.resolve(dist().relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (withCaches || !from.getFileName().toString().contains(".aot")) {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return checkout.resolve("hype");
    }
}
