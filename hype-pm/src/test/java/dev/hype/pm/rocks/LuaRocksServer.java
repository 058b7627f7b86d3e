package dev.hype.pm.rocks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A real LuaRocks server in a temporary folder, made with LuaRocks' own tools: each rock's sources become a
 * {@code .tar.gz}, its rockspec is written, {@code luarocks pack} makes the {@code .src.rock} (and, when asked,
 * {@code luarocks install} plus {@code luarocks pack} the {@code .all.rock}), and {@code luarocks-admin make_manifest}
 * writes the manifests. {@link #start()} serves the folder over HTTP on loopback, counting requests.
 *
 * <p>Tests that use it are skipped, with a message, where {@code luarocks} or {@code luarocks-admin} is missing
 * ({@code scripts/install-test-tools.sh} installs them).
 */
public final class LuaRocksServer implements AutoCloseable {
    private final Path root;
    private final Path folder;
    private final Path sources;
    private HttpServer http;
    private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

    private LuaRocksServer(Path root) {
        this.root = root;
        this.folder = root.resolve("server");
        this.sources = root.resolve("sources");
    }

    /** Create an empty server under {@code root}; skip the test when LuaRocks' tools are not installed. */
    public static LuaRocksServer create(Path root) {
        assumeTrue(onPath("luarocks") && onPath("luarocks-admin"),
                "luarocks and luarocks-admin are not installed (scripts/install-test-tools.sh installs them)");
        LuaRocksServer server = new LuaRocksServer(root);
        try {
            Files.createDirectories(server.folder);
            Files.createDirectories(server.sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** Return whether {@code command} is on the PATH. */
    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Return the server's folder. */
    public Path folder() {
        return folder;
    }

    /** Start a rock: its name and version ({@code 1.0-1}). */
    public Rock rock(String name, String version) {
        return new Rock(name, version);
    }

    /** A rock to publish: its source files, modules, dependencies and build. */
    public final class Rock {
        private final String name;
        private final String version;
        private final Map<String, String> files = new LinkedHashMap<>();
        private final Map<String, String> modules = new LinkedHashMap<>();
        private final List<String> dependencies = new ArrayList<>();
        private String build;
        private String extra = "";
        private boolean binary;

        Rock(String name, String version) {
            this.name = name;
            this.version = version;
        }

        /** Add a source file. */
        public Rock file(String path, String content) {
            files.put(path, content);
            return this;
        }

        /** Add a Lua module: {@code build.modules[module] = file}, the file holding {@code content}. */
        public Rock module(String module, String file, String content) {
            files.put(file, content);
            modules.put(module, "\"" + file + "\"");
            return this;
        }

        /** Add a C module whose {@code build.modules} entry is the Lua table {@code entry}. */
        public Rock cModule(String module, String entry) {
            modules.put(module, entry);
            return this;
        }

        /** Add a dependency string, such as {@code lua >= 5.1}. */
        public Rock dependency(String dependency) {
            dependencies.add(dependency);
            return this;
        }

        /** Replace the whole {@code build} table (Lua). */
        public Rock build(String table) {
            this.build = table;
            return this;
        }

        /** Add Lua text at the end of the rockspec. */
        public Rock extra(String lua) {
            this.extra = extra + lua + "\n";
            return this;
        }

        /** Also publish the {@code .all.rock}, made by installing the source rock and packing the installed rock. */
        public Rock binary() {
            this.binary = true;
            return this;
        }

        /** Write the sources and the rockspec and pack the rock; the manifest is written by {@link #manifest()}. */
        public LuaRocksServer publish() {
            String dir = name + "-" + version.replaceAll("-\\d+$", "");
            Path archive = sources.resolve(dir + ".tar.gz");
            tarGz(archive, dir, files);
            StringBuilder spec = new StringBuilder();
            spec.append("package = \"").append(name).append("\"\n");
            spec.append("version = \"").append(version).append("\"\n");
            spec.append("source = { url = \"").append(archive.toUri()).append("\" }\n");
            spec.append("description = { summary = \"The ").append(name).append(" rock\", license = \"MIT\" }\n");
            spec.append("dependencies = {");
            dependencies.forEach(d -> spec.append(" \"").append(d).append("\","));
            spec.append(" }\n");
            if (build != null) {
                spec.append("build = ").append(build).append("\n");
            } else {
                spec.append("build = { type = \"builtin\", modules = {");
                modules.forEach((m, e) -> spec.append(" [\"").append(m).append("\"] = ").append(e).append(","));
                spec.append(" } }\n");
            }
            spec.append(extra);
            return publishRockspec(name, version, spec.toString(), binary);
        }
    }

    /** Write a rockspec as given and pack it ({@code .src.rock}, and {@code .all.rock} when {@code binary}). */
    public LuaRocksServer publishRockspec(String name, String version, String rockspec, boolean binary) {
        String specName = name + "-" + version + ".rockspec";
        try {
            Files.writeString(folder.resolve(specName), rockspec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(folder, "luarocks", "pack", specName);
        if (binary) {
            Path tree = root.resolve("tree");
            run(folder, "luarocks", "--lua-version", "5.4", "--tree", tree.toString(), "install", "--deps-mode",
                    "none", name + "-" + version + ".src.rock");
            run(folder, "luarocks", "--lua-version", "5.4", "--tree", tree.toString(), "pack", name, version);
        }
        return this;
    }

    /** Write the manifests with {@code luarocks-admin make_manifest}. */
    public LuaRocksServer manifest() {
        run(folder, "luarocks-admin", "make_manifest", folder.toString());
        return this;
    }

    /** Zip each manifest as luarocks.org serves them ({@code manifest-5.4.zip} holding {@code manifest-5.4}). */
    public LuaRocksServer zipManifests() {
        for (String name : List.of("manifest", "manifest-5.4")) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(name + ".zip"));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Files.readAllBytes(folder.resolve(name)));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** Replace a file of the server, as a tampered or re-published archive would. */
    public LuaRocksServer overwrite(String fileName, byte[] content) {
        try {
            Files.write(folder.resolve(fileName), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Return a file of the server. */
    public byte[] read(String fileName) {
        try {
            return Files.readAllBytes(folder.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serve the folder over HTTP on loopback; return the base URL. */
    public URI start() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            Path file = folder.resolve(path.substring(1)).normalize();
            byte[] body;
            int status;
            if (file.startsWith(folder) && Files.isRegularFile(file)) {
                body = Files.readAllBytes(file);
                status = 200;
            } else {
                body = "not found".getBytes(StandardCharsets.UTF_8);
                status = 404;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        return url();
    }

    /** Return the HTTP base URL. */
    public URI url() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + http.getAddress().getPort());
    }

    /** Return the paths requested so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
    }

    /** Write {@code files} as a {@code .tar.gz} whose entries sit under {@code top/}. */
    public static void tarGz(Path archive, String top, Map<String, String> files) {
        try {
            Files.createDirectories(archive.getParent());
            try (OutputStream out = Files.newOutputStream(archive);
                 GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (var e : files.entrySet()) {
                    byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry(top + "/" + e.getKey());
                    entry.setSize(bytes.length);
                    tar.putArchiveEntry(entry);
                    tar.write(bytes);
                    tar.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Write the folder {@code dir} (without {@code .git}) as a {@code .tar.gz} whose entries sit under {@code top/}. */
    public static void tarGzFolder(Path archive, String top, Path dir) {
        try {
            Files.createDirectories(archive.getParent());
            try (OutputStream out = Files.newOutputStream(archive);
                 GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip);
                 java.util.stream.Stream<Path> walk = Files.walk(dir)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (Path file : walk.sorted().toList()) {
                    String relative = dir.relativize(file).toString().replace('\\', '/');
                    if (relative.equals(".git") || relative.startsWith(".git/") || !Files.isRegularFile(file)) {
                        continue;
                    }
                    TarArchiveEntry entry = new TarArchiveEntry(top + "/" + relative);
                    entry.setSize(Files.size(file));
                    tar.putArchiveEntry(entry);
                    Files.copy(file, tar);
                    tar.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Run a LuaRocks tool in {@code dir}; fail with its output when it fails. */
    public static void run(Path dir, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            // LuaRocks keeps a cache and a config under HOME: a home of its own keeps tests apart.
            Path home = dir.resolveSibling("luarocks-home");
            Files.createDirectories(home);
            builder.environment().put("HOME", home.toString());
            Process process = builder.start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            process.getInputStream().transferTo(output);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
