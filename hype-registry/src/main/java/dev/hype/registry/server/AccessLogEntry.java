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
