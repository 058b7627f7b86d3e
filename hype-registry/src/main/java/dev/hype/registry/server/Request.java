package dev.hype.registry.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wrap one exchange: the decoded path, headers, a size-capped body, and the ways to answer,
 * including conditional answers (ETag, Last-Modified, 304).
 */
final class Request {

    /**
     * Parse request bodies. Jackson's default limit of 20 million characters per string would refuse a publish
     * whose base64 tarball is over about 15 MB; a body is already capped at the configured size, so strings are not
     * limited again.
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int DRAIN_LIMIT = 64 << 20;

    private final HttpExchange exchange;
    private final long maxBodyBytes;
    private final BaseUrl base;
    private final List<String> segments;
    private final Map<String, String> query;
    private final HttpError malformed;
    private String user;
    private boolean readOnlyToken;
    private String tokenRefusal;
    private boolean sent;
    private int status;
    private long bytesSent;

    /** Give the base URL of tarball links for a request. */
    @FunctionalInterface
    interface BaseUrl {
        String of(HttpExchange exchange);
    }

    Request(HttpExchange exchange, long maxBodyBytes, BaseUrl base) {
        this.exchange = exchange;
        this.maxBodyBytes = maxBodyBytes;
        this.base = base;
        List<String> decoded = List.of();
        Map<String, String> params = Map.of();
        HttpError error = null;
        try {
            decoded = decodeSegments(exchange.getRequestURI().getRawPath());
            params = decodeQuery(exchange.getRequestURI().getRawQuery());
        } catch (HttpError e) {
            error = e;
        }
        this.segments = decoded;
        this.query = params;
        this.malformed = error;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    boolean isRead() {
        return method().equals("GET") || method().equals("HEAD");
    }

    /** Return the percent-decoded path segments; {@code %2f} inside a segment stays in it as {@code /}. */
    List<String> segments() {
        if (malformed != null) {
            throw malformed;
        }
        return segments;
    }

    String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    String query(String name) {
        return query.get(name);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    String baseUrl() {
        return base.of(exchange);
    }

    /** Return the address the request came from. */
    java.net.InetAddress remoteAddress() {
        return exchange.getRemoteAddress().getAddress();
    }

    /** Return whether the request's token may only read. */
    boolean readOnlyToken() {
        return readOnlyToken;
    }

    /** Return why the request's token was not accepted although it is stored (its CIDR ranges), or null. */
    String tokenRefusal() {
        return tokenRefusal;
    }

    void readOnlyToken(boolean readOnly) {
        this.readOnlyToken = readOnly;
    }

    void tokenRefusal(String why) {
        this.tokenRefusal = why;
    }

    String user() {
        return user;
    }

    void user(String authenticated) {
        this.user = authenticated;
    }

    int status() {
        return status;
    }

    long bytesSent() {
        return bytesSent;
    }

    boolean sent() {
        return sent;
    }

    /** Read the body, answering 413 (by throwing) when it is larger than the configured limit. */
    byte[] body() throws IOException {
        String declared = header("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("invalid Content-Length '" + declared + "'", "bad request");
            }
            if (length > maxBodyBytes) {
                throw tooLarge();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = exchange.getRequestBody();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > maxBodyBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private HttpError tooLarge() throws IOException {
        drain();
        exchange.getResponseHeaders().set("Connection", "close");
        return new HttpError(413, "request body larger than " + maxBodyBytes + " bytes",
            "the registry accepts tarballs and requests up to " + (maxBodyBytes >> 20) + " MiB");
    }

    /** Read and drop what the client is still sending, up to a bound, so it can read our answer. */
    private void drain() throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
            drained += n;
        }
    }

    /** Read the body as JSON, answering 400 when it is not. */
    JsonNode jsonBody() throws IOException {
        byte[] body = body();
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw HttpError.badRequest("the request body is empty; expected JSON", "bad request");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("the request body is not valid JSON: " + e.getOriginalMessage(), "bad request");
        }
    }

    void sendJson(int code, JsonNode body) throws IOException {
        send(code, JSON.writeValueAsBytes(body), "application/json");
    }

    /** Answer with {@code {"error": error, "reason": reason}}. */
    void sendError(int code, String error, String reason) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("error", error).put("reason", reason);
        sendJson(code, body);
    }

    /**
     * Answer 200 with {@code answer}, or 304 when the client's {@code If-None-Match} or
     * {@code If-Modified-Since} shows it already has this representation.
     */
    void sendCacheable(Rendered answer, String cacheControl) throws IOException {
        boolean gzip = answer.gzipped() != null && acceptsGzip();
        String etag = gzip ? answer.gzipEtag() : answer.etag();
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", etag);
        headers.set("Cache-Control", cacheControl);
        headers.set("Vary", "Accept, Accept-Encoding, Authorization");
        if (answer.lastModified() != null) {
            headers.set("Last-Modified", HTTP_DATE.format(answer.lastModified()));
        }
        if (notModified(answer, answer.lastModified())) {
            sendHeaders(304, -1);
            return;
        }
        if (gzip) {
            headers.set("Content-Encoding", "gzip");
            send(200, answer.gzipped(), answer.contentType());
        } else {
            send(200, answer.bytes(), answer.contentType());
        }
    }

    private boolean acceptsGzip() {
        String accept = header("Accept-Encoding");
        if (accept == null) {
            return false;
        }
        for (String coding : accept.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }

    /** Tell whether the client holds {@code answer} already, in either encoding. */
    private boolean notModified(Rendered answer, Instant lastModified) {
        String ifNoneMatch = header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(answer.etag()) || tag.equals(answer.gzipEtag())) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = header("If-Modified-Since");
        if (ifModifiedSince != null && lastModified != null) {
            try {
                Instant since = Instant.from(HTTP_DATE.parse(ifModifiedSince.trim()));
                return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    void sendFile(Path file, String contentType, String cacheControl) throws IOException {
        long size = Files.size(file);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", cacheControl);
        if (method().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
            sendHeaders(200, -1);
            return;
        }
        sendHeaders(200, size);
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
        bytesSent = size;
    }

    void send(int code, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (method().equals("HEAD") || code == 304 || code == 204) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            sendHeaders(code, -1);
            return;
        }
        sendHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        bytesSent = body.length;
    }

    private void sendHeaders(int code, long length) throws IOException {
        sent = true;
        status = code;
        exchange.sendResponseHeaders(code, length);
    }

    private static List<String> decodeSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null) {
            return segments;
        }
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(percentDecode(raw));
            }
        }
        return List.copyOf(segments);
    }

    private static Map<String, String> decodeQuery(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("malformed query parameter '" + pair + "'", "bad request");
            }
        }
        return values;
    }

    /** Decode {@code %XX} escapes as UTF-8 without turning {@code +} into a space (paths are not forms). */
    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw HttpError.badRequest("malformed escape in path segment '" + raw + "'", "bad request");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw HttpError.badRequest("malformed escape in path segment '" + raw + "'", "bad request");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
