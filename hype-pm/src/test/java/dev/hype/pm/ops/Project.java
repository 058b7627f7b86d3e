package dev.hype.pm.ops;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.pm.store.LocalPackages;
import dev.hype.pm.store.TarballFetcher;
import dev.hype.pm.resolve.IndexPackageSource;
import dev.hype.pm.store.IndexDistSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A project directory, a package repository and a store under one temporary directory, for operation tests. */
final class Project {
    final Path root;
    final Path dir;
    final Path store;
    final LocalPackages packages;

    Project(Path temp) {
        this.root = temp;
        this.dir = temp.resolve("app");
        this.store = temp.resolve("store");
        this.packages = new LocalPackages(temp.resolve("repo"));
    }

    Project manifest(String json) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("hype.json"), json);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PackageSources sources(TarballFetcher fetcher) {
        Path index = packages.index();
        return new PackageSources(IndexPackageSource.load(index), IndexDistSource.load(index), fetcher);
    }

    InstallOptions options(TarballFetcher fetcher) {
        return InstallOptions.of(dir, sources(fetcher), store);
    }

    InstallResult install() {
        return InstallOperation.run(options(new CountingFetcher()), Reporter.SILENT);
    }

    /** Return every file under the project (relative path to content), hype_modules and the lockfile included. */
    Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p) && !rel.equals("hype_modules.lock")) {
                    files.put(rel, Files.readString(p));
                } else if (Files.isDirectory(p)) {
                    files.put(rel + "/", "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    String read(String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
