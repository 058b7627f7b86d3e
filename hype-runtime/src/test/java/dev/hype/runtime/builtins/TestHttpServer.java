package dev.hype.runtime.builtins;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 and a free port, answering each path with a {@link Reply}
 * and recording every request it receives. Unknown paths answer 404.
 */
final class TestHttpServer implements AutoCloseable {
    /** A request as the server received it. */
    record Received(String method, String path, Headers headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How the server answers one path. */
    @FunctionalInterface
    interface Reply {
        void answer(Received request, HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private TestHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Start a server. */
    static TestHttpServer start() {
        return new TestHttpServer();
    }

    /** Answer {@code path} (without the query) with {@code reply}. */
    TestHttpServer route(String path, Reply reply) {
        routes.put(path, reply);
        return this;
    }

    /** Return the server's port. */
    int port() {
        return server.getAddress().getPort();
    }

    /** Return {@code http://127.0.0.1:PORT} followed by {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Return the requests received so far. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** Answer {@code status} with a text body and headers given as name, value, name, value... */
    static Reply text(int status, String body, String... headers) {
        return bytes(status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Answer {@code status} with these body bytes and headers given as name, value, ... */
    static Reply bytes(int status, byte[] body, String... headers) {
        return (request, exchange) -> {
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            send(exchange, status, body);
        };
    }

    /** Answer with a redirect to {@code location}. */
    static Reply redirect(int status, String location) {
        return text(status, "moved", "Location", location);
    }

    /** Answer 200 with the request's body, its method in {@code X-Method} and its query in {@code X-Query}. */
    static Reply echo() {
        return (request, exchange) -> {
            exchange.getResponseHeaders().add("X-Method", request.method());
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().add("X-Query", query == null ? "" : query);
            send(exchange, 200, request.body());
        };
    }

    /** Close the connection without answering. */
    static Reply hangUp() {
        return (request, exchange) -> {
        };
    }

    /** Never answer, until the server closes. */
    Reply hang() {
        return (request, exchange) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), body);
            received.add(request);
            Reply reply = routes.getOrDefault(request.path(), text(404, "not found"));
            reply.answer(request, exchange);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.close();
    }
}
