package dev.hype.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackResult;
import dev.hype.registry.auth.TokenStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the registry trusts and whom: the publisher's document against its tarball, scopes and their members,
 * package owners, and tokens that never reach the access log.
 */
class RegistryAccessControlTest {
    private final BlockingQueue<String> accessLog = new LinkedBlockingQueue<>();
    private TestRegistry registry;

    @BeforeEach
    void start() {
        registry = TestRegistry.start(config -> config.withAccessLog(AccessLog.jsonLines(accessLog::add)));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return TestRegistry.json(response);
    }

    private static void assertStatus(HttpResponse<String> response, int status, String errorPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).path("error").asText()).contains(errorPart);
    }

    // The document a publisher sends must say what the tarball says.

    @Test
    void refuseADocumentWhosePermissionsBinsOrDependenciesDifferFromTheTarball() {
        PackResult packed = PackageFixture.of("greet", "1.0.0").permissions("{\"env\": [\"HOME\"]}")
            .json("bin", "{\"greet\": \"index.lua\"}").dep("dep", "^1.0.0").pack();
        Map<String, String> lies = Map.of(
            "permissions", "{}",
            "bin", "{\"git\": \"index.lua\"}",
            "dependencies", "{}",
            "optionalDependencies", "{\"extra\": \"1.0.0\"}",
            "features", "{\"x\": [\"extra\"]}");
        for (var lie : lies.entrySet()) {
            ObjectNode body = registry.publishBody(packed, Map.of("latest", "1.0.0"));
            ObjectNode version = (ObjectNode) body.path("versions").path("1.0.0");
            version.set(lie.getKey(), readTree(lie.getValue()));
            assertStatus(registry.send("PUT", "/greet", body.toString(), registry.token()), 400,
                "versions['1.0.0']." + lie.getKey() + " does not match the hype.json in tarball greet-1.0.0.tgz");
        }
        ObjectNode noPermissions = registry.publishBody(packed, Map.of("latest", "1.0.0"));
        ((ObjectNode) noPermissions.path("versions").path("1.0.0")).remove("permissions");
        assertStatus(registry.send("PUT", "/greet", noPermissions.toString(), registry.token()), 400, "permissions");
        assertThat(registry.get("/greet").statusCode()).isEqualTo(404);

        // The honest document, with "./" spellings npm's client normalises, is accepted.
        ObjectNode honest = registry.publishBody(packed, Map.of("latest", "1.0.0"));
        ((ObjectNode) honest.path("versions").path("1.0.0")).set("bin", readTree("{\"greet\": \"./index.lua\"}"));
        assertThat(registry.send("PUT", "/greet", honest.toString(), registry.token()).statusCode()).isEqualTo(201);
        assertThat(json(registry.get("/greet")).path("versions").path("1.0.0").path("permissions").path("env"))
            .hasToString("[\"HOME\"]");
    }

    @Test
    void refuseTarballsWithARepeatedOrOversizedManifest() throws IOException {
        PackResult template = PackageFixture.of("greet", "1.0.0").pack();
        byte[] repeated = tarball(List.of(
            Map.entry("package/hype.json", "{\"name\":\"greet\",\"version\":\"1.0.0\"}"),
            Map.entry("package/hype.json", "{\"name\":\"greet\",\"version\":\"1.0.0\",\"permissions\":{\"process\":true},"
                + "\"pad\":\"" + "x".repeat((1 << 20) + 10) + "\"}")));
        assertStatus(registry.send("PUT", "/greet", withTarball(template, repeated).toString(), registry.token()), 400,
            "repeats the path of an earlier entry");
        byte[] oversized = tarball(List.of(Map.entry("package/hype.json",
            "{\"name\":\"greet\",\"version\":\"1.0.0\",\"pad\":\"" + "x".repeat((1 << 20) + 10) + "\"}")));
        assertStatus(registry.send("PUT", "/greet", withTarball(template, oversized).toString(), registry.token()), 400,
            "is larger than the 1 MiB a manifest may have");
    }

    @Test
    void refuseAGzipStreamThatGoesOnPastTheTarsEnd() throws IOException {
        PackResult template = PackageFixture.of("greet", "1.0.0").pack();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes)) {
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
                put(out, "package/hype.json", "{\"name\":\"greet\",\"version\":\"1.0.0\"}");
            }
            gzip.write(tar.toByteArray());
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                gzip.write(zeros);
            }
        }
        assertThat(bytes.size()).isLessThan(1 << 20);
        assertStatus(registry.send("PUT", "/greet", withTarball(template, bytes.toByteArray()).toString(),
            registry.token()), 400, "inflates to more data than its entries hold");
    }

    // Scopes belong to their first publisher.

    @Test
    void aScopeBelongsToWhoeverFirstPublishesInIt() {
        String alice = registry.tokenFor("alice");
        String mallory = registry.tokenFor("mallory");
        assertThat(publishAs(PackageFixture.of("@acme/core", "1.0.0").pack(), alice).statusCode()).isEqualTo(201);

        HttpResponse<String> intrusion = publishAs(PackageFixture.of("@acme/new", "1.0.0").pack(), mallory);
        assertStatus(intrusion, 403, "may not create packages in @acme, which belongs to alice");
        assertThat(registry.get("/@acme%2fnew").statusCode()).isEqualTo(404);
        // Other scopes and unscoped names stay open.
        assertThat(publishAs(PackageFixture.of("@mallory/tool", "1.0.0").pack(), mallory).statusCode()).isEqualTo(201);

        // An owner adds a member as npm org set does; the member may then publish new packages.
        assertStatus(registry.send("PUT", "/-/org/acme/user", "{\"user\": \"mallory\"}", mallory), 403, "may not make");
        HttpResponse<String> added = registry.send("PUT", "/-/org/acme/user", "{\"user\": \"bob\", \"role\": \"developer\"}",
            alice);
        assertStatus(added, 404, "'bob' is not known");
        String bob = registry.tokenFor("bob");
        added = registry.send("PUT", "/-/org/acme/user", "{\"user\": \"bob\", \"role\": \"developer\"}", alice);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json(added).path("org").path("name").asText()).isEqualTo("acme");
        assertThat(json(added).path("role").asText()).isEqualTo("developer");
        assertThat(publishAs(PackageFixture.of("@acme/bobs", "1.0.0").pack(), bob).statusCode()).isEqualTo(201);
        // A developer may not add members; members list the roster; nobody removes the last owner.
        assertStatus(registry.send("PUT", "/-/org/acme/user", "{\"user\": \"mallory\"}", bob), 403, "may not make");
        HttpResponse<String> roster = registry.send("GET", "/-/org/acme/user", null, bob);
        assertThat(json(roster).toString()).isEqualTo("{\"alice\":\"owner\",\"bob\":\"developer\"}");
        assertStatus(registry.send("GET", "/-/org/acme/user", null, mallory), 403, "not a member");
        assertStatus(registry.send("DELETE", "/-/org/acme/user", "{\"user\": \"alice\"}", alice), 409, "last owner");
        assertThat(registry.send("DELETE", "/-/org/acme/user", "{\"user\": \"bob\"}", alice).statusCode()).isEqualTo(200);
        assertStatus(publishAs(PackageFixture.of("@acme/later", "1.0.0").pack(), bob), 403, "may not create");
    }

    @Test
    void aScopeWithPackagesFromBeforeRostersGoesToItsFirstPublisher() throws IOException {
        String alice = registry.tokenFor("alice");
        String mallory = registry.tokenFor("mallory");
        assertThat(publishAs(PackageFixture.of("@old/core", "1.0.0").pack(), alice).statusCode()).isEqualTo(201);
        // Forget the roster, as storage written before scopes had owners would be.
        java.nio.file.Files.delete(registry.storage().resolve(".hype/scopes.json"));
        assertStatus(publishAs(PackageFixture.of("@old/new", "1.0.0").pack(), mallory), 403, "belongs to alice");
        assertThat(publishAs(PackageFixture.of("@old/more", "1.0.0").pack(), alice).statusCode()).isEqualTo(201);
    }

    // Package owners, as npm owner ls/add/rm change them.

    @Test
    void maintainersChangeOwnersAndNobodyElse() {
        String alice = registry.tokenFor("alice");
        String mallory = registry.tokenFor("mallory");
        registry.tokenFor("bob");
        assertThat(publishAs(PackageFixture.of("lib", "1.0.0").pack(), alice).statusCode()).isEqualTo(201);
        assertThat(json(registry.send("GET", "/-/user/org.couchdb.user:bob", null, alice)).path("name").asText())
            .isEqualTo("bob");
        assertThat(registry.send("GET", "/-/user/org.couchdb.user:nobody", null, alice).statusCode()).isEqualTo(404);

        String both = "{\"_id\": \"lib\", \"maintainers\": [{\"name\": \"alice\"}, {\"name\": \"bob\"}]}";
        assertStatus(registry.send("PUT", "/lib/-rev/1-x", both, mallory), 403, "may not change lib");
        assertThat(registry.send("PUT", "/lib/-rev/1-x", both, alice).statusCode()).isEqualTo(200);
        assertThat(json(registry.get("/lib")).path("maintainers").toString())
            .isEqualTo("[{\"name\":\"alice\"},{\"name\":\"bob\"}]");
        assertStatus(registry.send("PUT", "/lib/-rev/1-x",
            "{\"maintainers\": [{\"name\": \"alice\"}, {\"name\": \"ghost\"}]}", alice), 404, "'ghost' is not known");
        assertStatus(registry.send("PUT", "/lib/-rev/1-x", "{\"maintainers\": []}", alice), 409, "every owner");
        // The new owner can publish; the removed one cannot.
        assertThat(registry.send("PUT", "/lib/-rev/1-x", "{\"maintainers\": [{\"name\": \"bob\"}]}", alice).statusCode())
            .isEqualTo(200);
        assertStatus(publishAs(PackageFixture.of("lib", "1.0.1").pack(), alice), 403, "may not change lib");
        assertThat(publishAs(PackageFixture.of("lib", "1.0.1").pack(), registry.tokenFor("bob")).statusCode())
            .isEqualTo(201);
    }

    // Tokens.

    @Test
    void theAccessLogNeverHoldsAToken() throws InterruptedException {
        String token = registry.tokenFor("alice");
        assertThat(registry.send("DELETE", "/-/user/token/" + token, null, token).statusCode()).isEqualTo(200);
        registry.send("GET", "/-/user/token%2F" + token, null, null);
        registry.send("GET", "/x/" + token, null, null);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append(accessLog.take()).append('\n');
        }
        assertThat(lines.toString()).doesNotContain(token).contains("/-/user/token/[redacted]");
    }

    @Test
    void revokeATokenByTheIdTheListShows() {
        TokenStore tokens = TokenStore.open(registry.storage());
        String token = tokens.issue("carol");
        String id = tokens.list().stream().filter(t -> t.user().equals("carol")).findFirst().orElseThrow().id();
        assertThat(registry.send("GET", "/-/whoami", null, token).statusCode()).isEqualTo(200);
        assertThat(tokens.revokeMatching(id.substring(0, 8))).hasValueSatisfying(t -> assertThat(t.user()).isEqualTo("carol"));
        assertThat(registry.send("GET", "/-/whoami", null, token).statusCode()).isEqualTo(401);
        assertThat(tokens.revokeMatching(id)).isEmpty();
    }

    @Test
    void theUnauthorisedHintNamesWaysThatExist() {
        HttpResponse<String> response = registry.send("PUT", "/greet",
            registry.publishBody(PackageFixture.of("greet", "1.0.0").pack(), Map.of()).toString(), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("reason").asText()).contains("hype registry token create").contains("HYPE_TOKEN")
            .doesNotContain("hype registry login");
    }

    private HttpResponse<String> publishAs(PackResult packed, String token) {
        return registry.send("PUT", "/" + packed.name().replace("/", "%2f"),
            registry.publishBody(packed, Map.of("latest", packed.version())).toString(), token);
    }

    private ObjectNode withTarball(PackResult template, byte[] tarball) {
        ObjectNode body = registry.publishBody(template, Map.of("latest", "1.0.0"));
        ((ObjectNode) body.path("versions").path("1.0.0").path("dist"))
            .put("integrity", Integrity.sha512(tarball).sri()).put("shasum", Integrity.sha1(tarball).hex());
        ((ObjectNode) body.path("_attachments").path("greet-1.0.0.tgz"))
            .put("data", Base64.getEncoder().encodeToString(tarball)).put("length", tarball.length);
        return body;
    }

    /** Gzip a tar of these entries (name to content), as a publisher's tarball. */
    static byte[] tarball(List<Map.Entry<String, String>> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> entry : entries) {
                put(tar, entry.getKey(), entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry header = new TarArchiveEntry(name, true);
        header.setSize(data.length);
        tar.putArchiveEntry(header);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static JsonNode readTree(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
