package dev.hype.registry.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hype.registry.auth.ScopeStore;
import dev.hype.registry.auth.TokenStore;
import dev.hype.registry.auth.UserStore;
import dev.hype.registry.storage.PackageStore;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Run the registry on {@code com.sun.net.httpserver} with one virtual thread per request. */
final class HttpRegistryServer implements RegistryServer {
    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";

    private final RegistryConfig config;
    private final HttpServer http;
    private final ExecutorService executor;
    private final Router router;
    private final Authenticator auth;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private HttpRegistryServer(RegistryConfig config, HttpServer http, ExecutorService executor, Router router,
                               Authenticator auth) {
        this.config = config;
        this.http = http;
        this.executor = executor;
        this.router = router;
        this.auth = auth;
        InetSocketAddress address = http.getAddress();
        InetAddress bound = address.getAddress();
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.baseUri = URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    static RegistryServer start(RegistryConfig config) {
        PackageStore store;
        TokenStore tokens;
        try {
            store = PackageStore.open(config.storage());
            tokens = TokenStore.open(store.root());
        } catch (HypeException e) {
            throw new RegistryException(RegistryException.E_REGISTRY_START, "cannot start the registry: " + e.getMessage(),
                List.of("check that --storage names a writable directory"), e);
        }
        Authenticator auth = new Authenticator(tokens, config.privateMode());
        PackageLocks locks = new PackageLocks();
        UserStore accounts = UserStore.open(store.root());
        ScopeStore scopes = ScopeStore.open(store.root());
        KnownUsers known = new KnownUsers(tokens, accounts);
        Router router = new Router(
            new PackageReadHandler(store, auth),
            new PublishHandler(store, auth, locks, new ScopeAccess(scopes, store)),
            new SearchHandler(store, auth),
            new DistTagHandler(store, auth, locks),
            new UserHandler(tokens, accounts, auth, config.allowSignup()),
            new UnpublishHandler(store, auth, locks),
            new OwnerHandler(store, auth, locks, known),
            new OrgHandler(scopes, auth, known),
            new TokenHandler(tokens, accounts, auth));
        limitRequestTime(config.requestTimeout());
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        } catch (BindException e) {
            throw new RegistryException(RegistryException.E_REGISTRY_START,
                "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(),
                List.of("another process may use the port; pick another with --port, or --port 0 for any free one"), e);
        } catch (IOException e) {
            throw new RegistryException(RegistryException.E_REGISTRY_START,
                "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), List.of(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        HttpRegistryServer server = new HttpRegistryServer(config, http, executor, router, auth);
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    /**
     * Close connections whose request (headers and body) takes longer than {@code timeout}: without it a client
     * sending its headers a byte at a time holds its connection forever. The JDK's server reads this once per
     * process, when the first server starts; a value set on the command line ({@code -D}) wins.
     */
    private static void limitRequestTime(Duration timeout) {
        if (System.getProperty(MAX_REQUEST_TIME) == null) {
            System.setProperty(MAX_REQUEST_TIME, Long.toString(Math.max(1, timeout.toSeconds())));
        }
    }

    private void handle(HttpExchange exchange) {
        Instant arrived = Instant.now();
        long start = System.nanoTime();
        Request request = new Request(exchange, config.maxBodyBytes(), this::baseUrl);
        try {
            auth.identify(request);
            router.route(request);
        } catch (HttpError e) {
            answer(request, e.status(), e.getMessage(), e.reason());
        } catch (HypeException e) {
            answer(request, 500, hideStorage(e.getMessage()), e.code());
        } catch (IOException e) {
            answer(request, 500, hideStorage("I/O error: " + e.getMessage()), "internal error");
        } catch (RuntimeException e) {
            answer(request, 500, hideStorage("internal error: " + e), "internal error");
        } finally {
            exchange.close();
            long millis = (System.nanoTime() - start) / 1_000_000;
            config.accessLog().record(new AccessLogEntry(arrived, exchange.getRequestMethod(), request.rawPath(),
                request.sent() ? request.status() : 500, request.bytesSent(), millis, request.user()));
        }
    }

    /** Keep the server's storage path out of what clients see. */
    private String hideStorage(String message) {
        return message == null ? null : message.replace(config.storage().toAbsolutePath().toString(), "<storage>");
    }

    private static void answer(Request request, int status, String error, String reason) {
        if (request.sent()) {
            return;
        }
        try {
            request.sendError(status, error, reason);
        } catch (IOException ignored) {
            // the client went away; the access log still records the request
        }
    }

    private String baseUrl(HttpExchange exchange) {
        if (config.publicUrl() != null) {
            String url = config.publicUrl().toString();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            String base = baseUri.toString();
            return base.substring(0, base.length() - 1);
        }
        return "http://" + host;
    }

    @Override
    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            long graceSeconds = Math.max(1, (config.shutdownGrace().toMillis() + 999) / 1000);
            http.stop((int) Math.min(Integer.MAX_VALUE, graceSeconds));
            executor.shutdown();
            if (!executor.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    @Override
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }
}
