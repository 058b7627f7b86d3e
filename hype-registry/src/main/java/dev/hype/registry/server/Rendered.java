package dev.hype.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * Hold a JSON answer ready to send: its bytes, content type, strong ETag (a hash of the bytes)
 * and last-modified time.
 *
 * @param bytes the serialised body; not copied, never modified
 * @param contentType the {@code Content-Type}
 * @param etag the quoted ETag
 * @param lastModified when the content last changed, or {@code null}
 */
record Rendered(byte[] bytes, String contentType, String etag, Instant lastModified) {

    /** Serialise {@code body} and hash it. */
    static Rendered of(JsonNode body, String contentType, Instant lastModified) {
        try {
            byte[] bytes = Request.JSON.writeValueAsBytes(body);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
            return new Rendered(bytes, contentType, etag, lastModified);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
