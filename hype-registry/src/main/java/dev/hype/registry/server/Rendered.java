package dev.hype.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * Hold a JSON answer ready to send: its bytes, a gzip'd copy when that is worth it, content type,
 * strong ETag (a hash of the bytes) and last-modified time.
 *
 * @param bytes the serialised body; not copied, never modified
 * @param gzipped the body gzip'd, or {@code null} when it is too small to bother
 * @param contentType the {@code Content-Type}
 * @param etag the quoted ETag of the identity encoding
 * @param lastModified when the content last changed, or {@code null}
 */
record Rendered(byte[] bytes, byte[] gzipped, String contentType, String etag, Instant lastModified) {

    private static final int GZIP_THRESHOLD = 1024;

    /** Serialise {@code body}, hash it and, when it is large enough, gzip it. */
    static Rendered of(JsonNode body, String contentType, Instant lastModified) {
        try {
            byte[] bytes = Request.JSON.writeValueAsBytes(body);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
            return new Rendered(bytes, bytes.length >= GZIP_THRESHOLD ? gzip(bytes) : null, contentType, etag, lastModified);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Return the ETag of the gzip'd encoding: the identity ETag with {@code -gzip} inside the quotes. */
    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
