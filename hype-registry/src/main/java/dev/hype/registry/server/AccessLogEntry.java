package dev.hype.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Describe one answered request.
 *
 * @param time when the request arrived
 * @param method the HTTP method
 * @param path the raw request path, without the query
 * @param status the response status
 * @param bytes the response body size in bytes
 * @param millis how long the request took, in milliseconds
 * @param user the authenticated user, or {@code null}
 */
public record AccessLogEntry(Instant time, String method, String path, int status, long bytes, long millis,
                             String user) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The part of {@code DELETE /-/user/token/TOKEN} (npm logout) after its prefix, however the path is spelled. */
    private static final java.util.regex.Pattern TOKEN_PATH = java.util.regex.Pattern.compile(
        "(?i)((?:/|%2f)+-(?:/|%2f)+user(?:/|%2f)+token(?:/|%2f)+).*");
    /** A bearer token of this registry ({@code hype_...}) or of npm ({@code npm_...}) anywhere else in a path. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
        "(?i)(hype|npm)_[A-Za-z0-9_-]{16,}");

    /** Redact the path: the entry never records a token, so the log cannot leak one that is still valid. */
    public AccessLogEntry {
        path = path == null ? null : redact(path);
    }

    /** Return {@code path} with any token in it replaced by {@code [redacted]}. */
    static String redact(String path) {
        String out = TOKEN_PATH.matcher(path).replaceFirst("$1[redacted]");
        return TOKEN.matcher(out).replaceAll("[redacted]");
    }

    /** Return this entry as one line of JSON, without a line terminator. */
    public String toJson() {
        ObjectNode line = JSON.createObjectNode()
            .put("time", time.toString())
            .put("method", method)
            .put("path", path)
            .put("status", status)
            .put("bytes", bytes)
            .put("ms", millis);
        if (user == null) {
            line.putNull("user");
        } else {
            line.put("user", user);
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
