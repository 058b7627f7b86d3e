package dev.hype.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Publish to a served registry the way a malicious publisher can: a tarball and a version document built by hand,
 * sent over raw HTTP, with none of {@code hype pkg publish}'s checks.
 */
final class RawPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RawPublisher() {
    }

    /**
     * Publish {@code manifest} (the tarball's {@code hype.json}, also the version document unless {@code edit} changes
     * it) with {@code files}; return the HTTP response.
     */
    static HttpResponse<String> publish(String registry, String token, String manifest, Map<String, String> files,
                                        Consumer<ObjectNode> edit) {
        return publish(registry, token, manifest, files, edit, 0);
    }

    /** Publish as {@link #publish}, with {@code trailing} zero bytes after the tar's end inside its gzip stream. */
    static HttpResponse<String> publish(String registry, String token, String manifest, Map<String, String> files,
                                        Consumer<ObjectNode> edit, long trailing) {
        try {
            ObjectNode version = (ObjectNode) JSON.readTree(manifest);
            String name = version.path("name").asText();
            String number = version.path("version").asText();
            Map<String, String> entries = new TreeMap<>(files);
            entries.put("hype.json", manifest);
            byte[] tarball = tarball(entries, trailing);
            edit.accept(version);
            String file = name.substring(name.indexOf('/') + 1) + "-" + number + ".tgz";
            version.putObject("dist")
                    .put("integrity", "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tarball)))
                    .put("shasum", HexFormat.of().formatHex(digest("SHA-1", tarball)))
                    .put("tarball", registry + name + "/-/" + file);
            ObjectNode body = JSON.createObjectNode().put("_id", name).put("name", name);
            body.putObject("dist-tags").put("latest", number);
            body.putObject("versions").set(number, version);
            body.putObject("_attachments").putObject(file)
                    .put("data", Base64.getEncoder().encodeToString(tarball)).put("length", tarball.length);
            HttpRequest request = HttpRequest.newBuilder(URI.create(registry + name.replace("/", "%2f")))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Send {@code method path} with {@code bearer} to the registry and return the answer. */
    static HttpResponse<String> send(String registry, String method, String path, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry + path.substring(1)))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] tarball(Map<String, String> entries, long trailing) throws IOException {
        ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
            for (var entry : entries.entrySet()) {
                byte[] data = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry header = new TarArchiveEntry("package/" + entry.getKey());
                header.setSize(data.length);
                tar.putArchiveEntry(header);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes)) {
            gzip.write(tarBytes.toByteArray());
            byte[] zeros = new byte[1 << 16];
            for (long left = trailing; left > 0; left -= zeros.length) {
                gzip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
