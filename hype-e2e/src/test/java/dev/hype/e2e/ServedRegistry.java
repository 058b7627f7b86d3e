package dev.hype.e2e;

import java.net.URI;
import java.nio.file.Path;

/**
 * A real {@code hype registry serve} process on a free loopback port, with its storage under the
 * test's folder.
 *
 * <pre>{@code
 * try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
 *     String token = registry.token("alice");
 *     hype.run("pkg", "publish", "--registry", registry.url(), "--token", token).assertSuccess();
 *     registry.publish("""
 *         {"name": "b-lib", "version": "1.0.0", "main": "index.lua"}
 *         """, "index.lua", "return { b = true }");
 * }
 * }</pre>
 */
public final class ServedRegistry implements AutoCloseable {
    private static final String LISTENING = "hype registry listening on ";

    private final Hype hype;
    private final Path storage;
    private final RunningHype process;
    private final URI url;
    private String publishToken;
    private int published;

    private ServedRegistry(Hype hype, Path storage, RunningHype process, URI url) {
        this.hype = hype;
        this.storage = storage;
        this.process = process;
        this.url = url;
    }

    /** Start {@code hype registry serve --port 0 --storage STORAGE --quiet} and wait until it listens. */
    public static ServedRegistry start(Hype hype, Path storage) {
        RunningHype process = hype.start("registry", "serve", "--port", "0", "--storage", storage.toString(), "--quiet");
        String line = process.awaitStderr(l -> l.startsWith(LISTENING));
        String address = line.substring(LISTENING.length());
        URI url = URI.create(address.substring(0, address.indexOf(' ')));
        return new ServedRegistry(hype, storage, process, url);
    }

    /** Return the registry's base URL, ending in {@code /}. */
    public String url() {
        return url.toString();
    }

    /** Return the storage directory. */
    public Path storage() {
        return storage;
    }

    /** Create a publish token for {@code user} with {@code hype registry token create}. */
    public synchronized String token(String user) {
        Result result = hype.run("registry", "token", "create", user, "--storage", storage.toString()).assertSuccess();
        return result.stdout().strip();
    }

    /**
     * Publish a package with {@code hype pkg publish}, as user {@code publisher}: its {@code hype.json}
     * is {@code manifest}, and {@code files} are pairs of a path and its text ({@code index.lua}
     * returning an empty table when not given). The package folder is made beside the storage.
     */
    public synchronized Result publish(String manifest, String... files) {
        if (files.length % 2 != 0) {
            throw new IllegalArgumentException("files are pairs of a path and its text");
        }
        if (publishToken == null) {
            publishToken = token("publisher");
        }
        Path previous = hype.directory();
        hype.cd(storage.resolveSibling("packages-of-" + storage.getFileName()).resolve("p" + (++published)).toString());
        try {
            hype.write("hype.json", manifest);
            hype.write("index.lua", "return {}\n");
            for (int i = 0; i < files.length; i += 2) {
                hype.write(files[i], files[i + 1]);
            }
            return hype.run("pkg", "publish", "--registry", url(), "--token", publishToken).assertSuccess();
        } finally {
            hype.cd(previous.toString());
        }
    }

    /** Stop the server (SIGTERM) and return what it printed. */
    public Result stop() {
        return process.stop();
    }

    @Override
    public void close() {
        process.close();
    }
}
