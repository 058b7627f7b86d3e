package dev.hype.pm.registry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Answer HTTP requests from a script of handlers on a loopback port, recording every request, for client tests. */
final class StubServer implements AutoCloseable {

    /** A recorded request. */
    record Seen(String method, String rawPath, Headers headers, byte[] body) {
    }

    /** An answer to send. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json.getBytes());
        }

        static Answer bytes(byte[] body) {
            return new Answer(200, Map.of("Content-Type", "application/octet-stream"), body);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Seen, Answer>> routes = new ConcurrentHashMap<>();

    private StubServer(String host) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static StubServer start() throws IOException {
        return new StubServer("127.0.0.1");
    }

    /** Answer requests whose raw path (with query) equals {@code rawPath}. */
    StubServer on(String rawPath, Function<Seen, Answer> answer) {
        routes.put(rawPath, answer);
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Seen request = new Seen(exchange.getRequestMethod(), raw, exchange.getRequestHeaders(),
            exchange.getRequestBody().readAllBytes());
        seen.add(request);
        Function<Seen, Answer> route = routes.get(raw);
        Answer answer = route == null ? Answer.json(404, "{\"error\":\"not found\"}") : route.apply(request);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean empty = answer.body().length == 0 || answer.status() == 304;
        exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
