package dev.hype.pm.rocks.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.rocks.RockException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read LuaRocks servers over HTTP and from folders: manifest forms, caching, missing files, bad answers. */
class RockServerTest {
    private static final String MANIFEST = """
            commands = {}
            modules = {}
            repository = {
               penlight = {
                  ["1.14.0-3"] = { { arch = "rockspec" }, { arch = "src" } },
                  ["scm-1"] = { { arch = "rockspec" } }
               },
               LuaSocket = { ["3.1.0-1"] = { { arch = "src" }, { arch = "linux-x86_64" } } }
            }
            """;

    @TempDir
    Path temp;

    private HttpServer http;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    /** One scripted answer. */
    private interface Route {
        void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            seen.add(path + (exchange.getRequestHeaders().containsKey("If-None-Match") ? " (revalidate)" : ""));
            Route route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            route.answer(exchange);
        });
        http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/rocks/");
    }

    private void serve(String path, int status, byte[] body, String etag) {
        routes.put(path, exchange -> {
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private RockServer server(Duration timeout, int attempts) {
        ClientOptions options = new ClientOptions(temp.resolve("cache"), Duration.ofSeconds(5), timeout, attempts,
                Duration.ofMillis(1));
        return RockServer.open(url(), options, HttpClient.newHttpClient());
    }

    private static byte[] zip(String name, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void readTheZippedLua54ManifestFirstAndRevalidateItFromTheCache() throws IOException {
        serve("/rocks/manifest-5.4.zip", 200, zip("manifest-5.4", MANIFEST), "\"v1\"");
        serve("/rocks/manifest", 200, "repository = {}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(server(Duration.ofSeconds(10), 1).manifest().rocks()).containsOnlyKeys("luasocket", "penlight");
        assertThat(server(Duration.ofSeconds(10), 1).manifest().versions("penlight"))
                .containsEntry("1.14.0-3", java.util.Set.of("rockspec", "src"));

        assertThat(seen).containsExactly("/rocks/manifest-5.4.zip", "/rocks/manifest-5.4.zip (revalidate)");
    }

    @Test
    void offlineTheCachedManifestAnswersAndNothingIsAsked() {
        serve("/rocks/manifest", 200, MANIFEST.getBytes(StandardCharsets.UTF_8), null);
        serve("/rocks/penlight-1.14.0-3.rockspec", 200, "package = 'penlight'".getBytes(StandardCharsets.UTF_8), null);
        ClientOptions options = new ClientOptions(temp.resolve("cache"), Duration.ofSeconds(5), Duration.ofSeconds(10),
                1, Duration.ofMillis(1));
        assertThatThrownBy(() -> RockServer.open(url(), options.withOffline(true), HttpClient.newHttpClient())
                .manifest()).as("an empty cache").isInstanceOfSatisfying(RockException.class, e -> {
                    assertThat(e.code()).isEqualTo("E_OFFLINE");
                    assertThat(e.getMessage()).contains("the manifest of " + url());
                });
        assertThat(seen).isEmpty();
        RockServer.open(url(), options, HttpClient.newHttpClient()).manifest();
        int asked = seen.size();

        RockServer offline = RockServer.open(url(), options.withOffline(true), HttpClient.newHttpClient());

        assertThat(offline.manifest().versions("luasocket")).containsOnlyKeys("3.1.0-1");
        assertThatThrownBy(() -> offline.file("penlight-1.14.0-3.rockspec"))
                .isInstanceOfSatisfying(RockException.class, e -> assertThat(e.code()).isEqualTo("E_OFFLINE"));
        assertThat(seen).hasSize(asked);
    }

    @Test
    void fallBackToThePlainManifestsInLuaRocksOrder() {
        serve("/rocks/manifest", 200, MANIFEST.getBytes(StandardCharsets.UTF_8), null);

        assertThat(server(Duration.ofSeconds(10), 1).manifest().versions("luasocket")).containsOnlyKeys("3.1.0-1");
        assertThat(seen).containsExactly("/rocks/manifest-5.4.zip", "/rocks/manifest-5.4", "/rocks/manifest.zip",
                "/rocks/manifest");
    }

    @Test
    void aServerWithoutManifestsIsNotALuaRocksServer() {
        assertThatThrownBy(() -> server(Duration.ofSeconds(10), 1).manifest()).isInstanceOf(RockException.class)
                .hasMessageContaining(url() + " is not a LuaRocks server: it has none of manifest-5.4.zip,"
                        + " manifest-5.4, manifest.zip, manifest");
    }

    @Test
    void aManifestThatIsNotLuaIsReportedWithItsUrl() {
        serve("/rocks/manifest-5.4", 200, "<html>login</html>".getBytes(StandardCharsets.UTF_8), null);

        assertThatThrownBy(() -> server(Duration.ofSeconds(10), 1).manifest()).isInstanceOf(RockException.class)
                .hasMessageContaining("cannot read " + url() + "manifest-5.4").hasMessageContaining("not valid Lua");
    }

    @Test
    void retryServerErrorsThenGiveUpNamingTheServer() {
        AtomicInteger calls = new AtomicInteger();
        routes.put("/rocks/x.rockspec", exchange -> {
            int n = calls.incrementAndGet();
            byte[] body = "package = 'x'".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(n < 3 ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        assertThat(server(Duration.ofSeconds(10), 3).file("x.rockspec")).isPresent();
        assertThat(calls).hasValue(3);

        serve("/rocks/y.src.rock", 403, new byte[0], null);
        assertThatThrownBy(() -> server(Duration.ofSeconds(10), 3).file("y.src.rock"))
                .hasMessageContaining("answered 403 to GET " + url() + "y.src.rock");
        assertThat(server(Duration.ofSeconds(10), 1).file("missing.src.rock")).isEmpty();
    }

    @Test
    void aServerThatRefusesConnectionsIsNamedWithTheReason() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        java.net.URI closed = java.net.URI.create("http://127.0.0.1:" + port + "/rocks/");
        ClientOptions options = new ClientOptions(temp.resolve("cache"), Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
                Duration.ofMillis(1));

        assertThatThrownBy(() -> RockServer.open(closed, options, HttpClient.newHttpClient()).file("x.rockspec"))
                .isInstanceOfSatisfying(RockException.class, e -> {
                    assertThat(e.code()).isEqualTo(RockException.E_ROCK_SERVER);
                    assertThat(e.hints()).anyMatch(h -> h.contains("--offline"));
                })
                .hasMessageContaining("cannot reach the LuaRocks server " + closed)
                .hasMessageContaining("(GET " + closed + "x.rockspec, 2 attempts)")
                .hasMessageEndingWith(": connection refused")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aBodyThatStopsMovingIsAbandonedNamingTheFile() {
        CountDownLatch release = new CountDownLatch(1);
        routes.put("/rocks/stall.src.rock", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[10]);
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try {
            assertThatThrownBy(() -> server(Duration.ofSeconds(1), 1).file("stall.src.rock"))
                    .isInstanceOf(RockException.class)
                    .hasMessageContaining(url() + "stall.src.rock").hasMessageMatching("(?s).*(stopped sending .* for 1 s"
                            + "|nothing arrived for 1 s).*");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFolderServerReadsTheSameLayout() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("folder"));
        Files.writeString(folder.resolve("manifest-5.4"), MANIFEST);
        Files.writeString(folder.resolve("penlight-1.14.0-3.rockspec"), "package = 'penlight'");
        RockServer server = RockServer.open(folder.toUri(), ClientOptions.defaults(null), null);

        assertThat(server.manifest().versions("penlight")).containsOnlyKeys("1.14.0-3", "scm-1");
        assertThat(server.file("penlight-1.14.0-3.rockspec")).isPresent();
        assertThat(server.file("../manifest-5.4")).isEmpty();
        assertThat(server.fileUrl("x.src.rock")).isEqualTo(folder.resolve("x.src.rock").toUri());
        assertThatThrownBy(() -> RockServer.open(temp.resolve("nowhere").toUri(), ClientOptions.defaults(null), null)
                .manifest()).hasMessageContaining("does not exist");
    }

    @Test
    void revalidateWithLastModifiedWhenTheServerGivesNoETag() {
        byte[] body = MANIFEST.getBytes(StandardCharsets.UTF_8);
        List<String> since = new CopyOnWriteArrayList<>();
        routes.put("/rocks/manifest-5.4", exchange -> {
            String asked = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            since.add(String.valueOf(asked));
            if ("Tue, 01 Dec 2026 10:00:00 GMT".equals(asked)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });

        assertThat(server(Duration.ofSeconds(10), 1).manifest().rocks()).containsKey("penlight");
        assertThat(server(Duration.ofSeconds(10), 1).manifest().rocks()).as("the 304 answers from the cache")
                .containsKey("penlight");

        assertThat(since).containsExactly("null", "Tue, 01 Dec 2026 10:00:00 GMT");
    }

    @Test
    void aServerThatKeepsFailingIsReportedWithItsLastStatus() {
        AtomicInteger calls = new AtomicInteger();
        routes.put("/rocks/down.src.rock", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });

        assertThatThrownBy(() -> server(Duration.ofSeconds(10), 2).file("down.src.rock"))
                .isInstanceOfSatisfying(RockException.class, e -> assertThat(e.code()).isEqualTo("E_ROCK_SERVER"))
                .hasMessageContaining("answered 502 to GET " + url() + "down.src.rock");
        assertThat(calls).as("tried twice").hasValue(2);
    }

    @Test
    void aZippedManifestThatIsBrokenOrEmptyIsReportedWithItsUrl() throws IOException {
        serve("/rocks/manifest-5.4.zip", 200, zip("something-else", MANIFEST), null);

        assertThatThrownBy(() -> server(Duration.ofSeconds(10), 1).manifest()).isInstanceOf(RockException.class)
                .hasMessage(url() + "manifest-5.4.zip does not hold manifest-5.4");

        serve("/rocks/manifest-5.4.zip", 200, zip("nested/manifest-5.4", MANIFEST), null);
        assertThat(RockServer.open(url(), ClientOptions.defaults(null), HttpClient.newHttpClient()).manifest().rocks())
                .as("an entry in a folder of the zip counts").containsKey("penlight");
    }

    @Test
    void aFolderEntryThatCannotBeReadIsReportedWithItsPath() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("folder"));
        Files.createDirectories(folder.resolve("odd-1.0-1.src.rock"));
        RockServer server = RockServer.open(folder.toUri(), ClientOptions.defaults(null), null);

        assertThatThrownBy(() -> server.file("odd-1.0-1.src.rock")).isInstanceOfSatisfying(RockException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("E_ROCK_SERVER");
                    assertThat(e.getMessage()).startsWith("cannot read " + folder.resolve("odd-1.0-1.src.rock") + ": ");
                });
        assertThat(server.url()).isEqualTo(folder.toUri());
    }
}
