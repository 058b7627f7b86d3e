package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import dev.hype.pm.pack.SourceChecker;
import dev.hype.pm.pack.Unpacker;
import dev.hype.registry.auth.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Run the real registry server on a free port over a temporary storage directory, with a token
 * for user {@value #USER}, for tests in any module (this class ships in the hype-registry test-jar).
 *
 * <pre>{@code
 * try (TestRegistry registry = TestRegistry.start()) {
 *     registry.publish(projectDir);
 *     HttpResponse<String> packument = registry.get("/my-pkg");
 * }
 * }</pre>
 */
public final class TestRegistry implements AutoCloseable {

    /** The user the default token belongs to. */
    public static final String USER = "tester";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path storage;
    private final boolean ownsStorage;
    private final RegistryServer server;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestRegistry(Path storage, boolean ownsStorage, RegistryServer server, String token) {
        this.storage = storage;
        this.ownsStorage = ownsStorage;
        this.server = server;
        this.token = token;
    }

    /** Start a public registry in a new temporary directory. */
    public static TestRegistry start() {
        return start(UnaryOperator.identity());
    }

    /** Start a registry in a new temporary directory, letting {@code customise} change the config (port stays 0). */
    public static TestRegistry start(UnaryOperator<RegistryConfig> customise) {
        try {
            return start(Files.createTempDirectory("hype-test-registry"), true, customise);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Start a registry over {@code storage}, which the caller owns and cleans up. */
    public static TestRegistry startIn(Path storage, UnaryOperator<RegistryConfig> customise) {
        return start(storage, false, customise);
    }

    private static TestRegistry start(Path storage, boolean owns, UnaryOperator<RegistryConfig> customise) {
        String token = TokenStore.create(storage, USER);
        RegistryConfig config = customise.apply(RegistryConfig.defaults(storage).withPort(0)
            .withShutdownGrace(Duration.ofSeconds(2)));
        return new TestRegistry(storage, owns, RegistryServer.start(config), token);
    }

    /** Return the server's base URL, ending with {@code /}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** Return the server's base URL without the trailing {@code /}, as npm's {@code --registry} takes it. */
    public String url() {
        String base = server.baseUri().toString();
        return base.substring(0, base.length() - 1);
    }

    /** Return the port the server listens on. */
    public int port() {
        return server.port();
    }

    /** Return the storage directory. */
    public Path storage() {
        return storage;
    }

    /** Return a valid token for {@value #USER}. */
    public String token() {
        return token;
    }

    /** Create another token, for {@code user}. */
    public String tokenFor(String user) {
        return TokenStore.create(storage, user);
    }

    /** Return {@code .npmrc} lines that point npm at this registry with the token. */
    public String npmrc() {
        return "registry=" + url() + "/\n//" + server.baseUri().getAuthority() + "/:_authToken=" + token + "\n";
    }

    /** Return the HTTP client the helpers use. */
    public HttpClient client() {
        return client;
    }

    /** Pack {@code projectDirectory} (without compiling its Lua) and publish it with the default token. */
    public HttpResponse<String> publish(Path projectDirectory) {
        return publish(Packer.create(SourceChecker.acceptAll()).pack(projectDirectory));
    }

    /** Publish a packed tarball with the default token; its {@code hype.json} becomes the version document. */
    public HttpResponse<String> publish(PackResult packed) {
        return publish(packed, Map.of("latest", packed.version()));
    }

    /** Publish a packed tarball under {@code distTags} (tag to version), as {@code npm publish --tag} does. */
    public HttpResponse<String> publish(PackResult packed, Map<String, String> distTags) {
        return send("PUT", "/" + packed.name().replace("/", "%2f"), publishBody(packed, distTags).toString(), token);
    }

    /** Build the body npm's client sends to publish {@code packed} under {@code distTags}. */
    public ObjectNode publishBody(PackResult packed, Map<String, String> distTags) {
        String manifest = Unpacker.create().inspect(packed.tarball(), packed.fileName()).manifest("hype.json")
            .orElseThrow(() -> new IllegalArgumentException(packed.fileName() + " has no hype.json"));
        ObjectNode version;
        try {
            version = (ObjectNode) JSON.readTree(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = packed.name().startsWith("@")
            ? packed.name().substring(packed.name().indexOf('/') + 1) + "-" + packed.version() + ".tgz"
            : packed.name() + "-" + packed.version() + ".tgz";
        version.putObject("dist")
            .put("integrity", packed.integrity().sri())
            .put("shasum", packed.shasum().hex())
            .put("tarball", url() + "/" + packed.name() + "/-/" + fileName);
        ObjectNode body = JSON.createObjectNode();
        body.put("_id", packed.name());
        body.put("name", packed.name());
        body.put("description", version.path("description").asText(""));
        ObjectNode tags = body.putObject("dist-tags");
        distTags.forEach(tags::put);
        body.putObject("versions").set(packed.version(), version);
        body.put("access", "public");
        body.putObject("_attachments").putObject(packed.name() + "-" + packed.version() + ".tgz")
            .put("content_type", "application/octet-stream")
            .put("data", Base64.getEncoder().encodeToString(packed.tarball()))
            .put("length", packed.tarball().length);
        return body;
    }

    /** GET {@code path} with the default token. */
    public HttpResponse<String> get(String path) {
        return send("GET", path, null, token);
    }

    /** Send a request; {@code body} (JSON) and {@code bearer} may be {@code null}. */
    public HttpResponse<String> send(String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Send {@code request} with this registry's client. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parse a response body as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    /** Stop the server and delete the storage directory if this registry created it. */
    @Override
    public void close() {
        server.close();
        client.close();
        if (ownsStorage && Files.exists(storage)) {
            try (Stream<Path> walk = Files.walk(storage)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
