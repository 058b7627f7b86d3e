package dev.hype.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final java.util.concurrent.BlockingQueue<String> accessLog = new java.util.concurrent.LinkedBlockingQueue<>();
    private TestRegistry registry;

    @BeforeEach
    void startRegistry() {
        registry = TestRegistry.start(config -> config.withAccessLog(AccessLog.jsonLines(accessLog::add)));
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return TestRegistry.json(response);
    }

    private HttpResponse<String> getWith(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.baseUri().resolve(path.substring(1)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return registry.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publishThenServeTheFullPackument() {
        PackResult packed = PackageFixture.of("greet", "1.0.0").field("description", "Say hello").pack();

        HttpResponse<String> published = registry.publish(packed);
        HttpResponse<String> packument = getWith("/greet");

        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(packument.statusCode()).isEqualTo(200);
        JsonNode body = json(packument);
        assertThat(body.path("name").asText()).isEqualTo("greet");
        assertThat(body.path("description").asText()).isEqualTo("Say hello");
        assertThat(body.path("dist-tags").path("latest").asText()).isEqualTo("1.0.0");
        assertThat(body.path("maintainers").get(0).path("name").asText()).isEqualTo(TestRegistry.USER);
        JsonNode dist = body.path("versions").path("1.0.0").path("dist");
        assertThat(dist.path("tarball").asText()).isEqualTo(registry.url() + "/greet/-/greet-1.0.0.tgz");
        assertThat(dist.path("integrity").asText()).isEqualTo(packed.integrity().sri());
        assertThat(dist.path("shasum").asText()).isEqualTo(packed.shasum().hex());
        assertThat(dist.path("fileCount").asInt()).isEqualTo(2);
        assertThat(body.path("time").has("1.0.0")).isTrue();
        assertThat(packument.headers().firstValue("ETag")).isPresent();
        assertThat(packument.headers().firstValue("Last-Modified")).isPresent();
    }

    @Test
    void storeInTheVerdaccioLayoutWithTokensHashed() throws IOException {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        PackageFixture.of("@team/tool", "0.1.0").publish(registry);

        assertThat(registry.storage().resolve("greet/package.json")).isRegularFile();
        assertThat(registry.storage().resolve("greet/greet-1.0.0.tgz")).isRegularFile();
        assertThat(registry.storage().resolve("@team/tool/package.json")).isRegularFile();
        assertThat(registry.storage().resolve("@team/tool/tool-0.1.0.tgz")).isRegularFile();
        String tokens = Files.readString(registry.storage().resolve(".hype/tokens.json"));
        assertThat(tokens).contains("\"user\" : \"tester\"").contains("sha256").doesNotContain(registry.token());
    }

    @Test
    void serveStorageWrittenByVerdaccio() throws IOException {
        PackResult packed = PackageFixture.of("legacy", "3.0.0").pack();
        java.nio.file.Path dir = Files.createDirectories(registry.storage().resolve("legacy"));
        Files.write(dir.resolve("legacy-3.0.0.tgz"), packed.tarball());
        Files.writeString(dir.resolve("package.json"), """
            {"name":"legacy","versions":{"3.0.0":{"name":"legacy","version":"3.0.0",
              "dist":{"shasum":"%s","integrity":"%s","tarball":"http://verdaccio.old:4873/legacy/-/legacy-3.0.0.tgz"}}},
             "time":{"modified":"2024-01-01T00:00:00.000Z","created":"2024-01-01T00:00:00.000Z","3.0.0":"2024-01-01T00:00:00.000Z"},
             "users":{},"dist-tags":{"latest":"3.0.0"},"_uplinks":{},"_distfiles":{},
             "_attachments":{"legacy-3.0.0.tgz":{"shasum":"%s"}},"_rev":"3-abc","_id":"legacy","readme":"ERROR: No README data found!"}
            """.formatted(packed.shasum().hex(), packed.integrity().sri(), packed.shasum().hex()));

        JsonNode packument = json(getWith("/legacy"));

        assertThat(packument.path("versions").path("3.0.0").path("dist").path("tarball").asText())
            .isEqualTo(registry.url() + "/legacy/-/legacy-3.0.0.tgz");
        assertThat(packument.has("_attachments")).isFalse();
        assertThat(packument.has("_uplinks")).isFalse();
        assertThat(getWith("/legacy/-/legacy-3.0.0.tgz").statusCode()).isEqualTo(200);
        assertThat(json(getWith("/-/v1/search?text=legacy")).path("total").asInt()).isEqualTo(1);
        assertThat(PackageFixture.of("legacy", "3.0.0").publish(registry).statusCode()).isEqualTo(409);
        assertThat(PackageFixture.of("legacy", "3.1.0").publish(registry).statusCode()).isEqualTo(201);
    }

    @Test
    void serveTheAbbreviatedFormWhenAsked() {
        PackageFixture.of("greet", "1.0.0").field("description", "Say hello").field("readme", "# greet")
            .dep("dep", "^1.0.0").publish(registry);

        HttpResponse<String> response = getWith("/greet",
            "Accept", "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.npm.install-v1+json");
        JsonNode body = json(response);
        List<String> top = new ArrayList<>();
        body.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactlyInAnyOrder("name", "modified", "dist-tags", "versions");
        JsonNode version = body.path("versions").path("1.0.0");
        List<String> fields = new ArrayList<>();
        version.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("name", "version", "dependencies", "dist");
        assertThat(version.path("dependencies").path("dep").asText()).isEqualTo("^1.0.0");
        assertThat(version.path("dist").path("tarball").asText()).startsWith(registry.url());
    }

    @Test
    void keepRequestedPermissionsInBothForms() {
        PackageFixture.of("net", "1.0.0").permissions("{\"network\": {\"domains\": [\"api.example.com\"]}}")
            .publish(registry);

        JsonNode full = json(getWith("/net")).path("versions").path("1.0.0").path("permissions");
        JsonNode abbreviated = json(getWith("/net", "Accept", "application/vnd.npm.install-v1+json"))
            .path("versions").path("1.0.0").path("permissions");

        assertThat(full.toString()).isEqualTo("{\"network\":{\"domains\":[\"api.example.com\"]}}");
        assertThat(abbreviated).isEqualTo(full);
    }

    @Test
    void keepFeaturesInTheAbbreviatedForm() {
        PackageFixture.of("feat", "1.0.0").json("features", "{\"fast\": [\"dep\"]}").publish(registry);

        JsonNode abbreviated = json(getWith("/feat", "Accept", "application/vnd.npm.install-v1+json"))
            .path("versions").path("1.0.0").path("features");

        assertThat(abbreviated.toString()).isEqualTo("{\"fast\":[\"dep\"]}");
    }

    @Test
    void keepTheObjectFormOfDependenciesInBothFormsWhereNpmClientsDoNotLook() {
        String log = "{\"version\":\"^1.0.0\",\"features\":[\"json\"],\"default-features\":false}";
        String fmt = "{\"version\":\"^2.0.0\",\"optional\":true}";
        PackageFixture.of("web", "1.0.0").json("dependencies", "{\"log\":" + log + ",\"fmt\":" + fmt + ",\"plain\":\"~3.1.0\"}")
            .json("features", "{\"pretty\": [\"fmt\", \"log/color\"]}").publish(registry);

        JsonNode full = json(getWith("/web")).path("versions").path("1.0.0");
        JsonNode abbreviated = json(getWith("/web", "Accept", "application/vnd.npm.install-v1+json"))
            .path("versions").path("1.0.0");

        for (JsonNode version : java.util.List.of(full, abbreviated)) {
            // npm's clients read range strings in `dependencies`; the objects live under `hype`.
            assertThat(version.path("dependencies").toString())
                .isEqualTo("{\"log\":\"^1.0.0\",\"fmt\":\"^2.0.0\",\"plain\":\"~3.1.0\"}");
            assertThat(version.path("hype").path("dependencies").toString())
                .isEqualTo("{\"log\":" + log + ",\"fmt\":" + fmt + "}");
            assertThat(version.path("features").toString()).isEqualTo("{\"pretty\":[\"fmt\",\"log/color\"]}");
        }
    }

    @Test
    void refuseABodyWhoseObjectFormDependenciesDifferFromTheTarballs() {
        PackResult packed = PackageFixture.of("web", "1.0.0")
            .json("dependencies", "{\"log\":{\"version\":\"^1.0.0\",\"features\":[\"json\"]}}").pack();
        ObjectNode body = registry.publishBody(packed, java.util.Map.of("latest", "1.0.0"));
        ObjectNode version = (ObjectNode) body.path("versions").path("1.0.0");
        version.putObject("dependencies").put("log", "^1.0.0");
        version.putObject("hype").putObject("dependencies").putObject("log").put("version", "^1.0.0")
            .putArray("features").add("other");

        HttpResponse<String> answer = registry.send("PUT", "/web", body.toString(), registry.token());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("dependencies does not match");
    }

    @Test
    void serveOneVersionByNumberOrTag() {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        PackageFixture.of("greet", "1.1.0").publish(registry);

        assertThat(json(getWith("/greet/1.0.0")).path("version").asText()).isEqualTo("1.0.0");
        assertThat(json(getWith("/greet/latest")).path("version").asText()).isEqualTo("1.1.0");
        HttpResponse<String> missing = getWith("/greet/9.9.9");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).contains("9.9.9");
    }

    @Test
    void serveTarballsThatMatchTheirIntegrity() {
        PackResult packed = PackageFixture.of("greet", "1.0.0").pack();
        registry.publish(packed);
        String url = json(getWith("/greet")).path("versions").path("1.0.0").path("dist").path("tarball").asText();

        HttpResponse<byte[]> tarball = registry.send(HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());

        assertThat(tarball.statusCode()).isEqualTo(200);
        assertThat(Integrity.parse(packed.integrity().sri()).matches(tarball.body())).isTrue();
        assertThat(getWith("/greet/-/greet-2.0.0.tgz").statusCode()).isEqualTo(404);
        assertThat(getWith("/greet/-/..%2f..%2fetc%2fpasswd.tgz").statusCode()).isEqualTo(404);
        assertThat(getWith("/greet/-/greet-..%2f..%2fgreet%2fgreet-1.0.0.tgz").statusCode()).isEqualTo(404);
    }

    @Test
    void answerHeadRequestsWithoutABody() {
        PackResult packed = PackageFixture.of("greet", "1.0.0").pack();
        registry.publish(packed);

        HttpResponse<String> packument = registry.send(HttpRequest.newBuilder(registry.baseUri().resolve("greet"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tarball = registry.send(HttpRequest.newBuilder(registry.baseUri().resolve("greet/-/greet-1.0.0.tgz"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(packument.statusCode()).isEqualTo(200);
        assertThat(packument.body()).isEmpty();
        assertThat(packument.headers().firstValue("ETag")).isPresent();
        assertThat(tarball.statusCode()).isEqualTo(200);
        assertThat(tarball.headers().firstValueAsLong("Content-Length")).hasValue(packed.tarball().length);
    }

    @Test
    void handleScopedNamesInBothPathForms() {
        PackResult packed = PackageFixture.of("@team/tool", "0.1.0").pack();
        assertThat(registry.publish(packed).statusCode()).isEqualTo(201);

        assertThat(json(getWith("/@team%2ftool")).path("name").asText()).isEqualTo("@team/tool");
        assertThat(json(getWith("/@team/tool")).path("name").asText()).isEqualTo("@team/tool");
        String url = json(getWith("/@team%2Ftool")).path("versions").path("0.1.0").path("dist").path("tarball").asText();
        assertThat(url).isEqualTo(registry.url() + "/@team/tool/-/tool-0.1.0.tgz");
        HttpResponse<byte[]> tarball = registry.send(HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tarball.body()).isEqualTo(packed.tarball());
    }

    @Test
    void derivePackumentLinksFromTheHostHeader() throws IOException, InterruptedException {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        // java.net.http refuses to set Host, so speak HTTP/1.1 over a socket
        try (var socket = new java.net.Socket("127.0.0.1", registry.port())) {
            socket.getOutputStream().write(("GET /greet HTTP/1.1\r\nHost: registry.example:8080\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).contains("http://registry.example:8080/greet/-/greet-1.0.0.tgz");
        }
    }

    @Test
    void searchByNameKeywordAndDescription() {
        PackageFixture.of("lua-json", "1.0.0").field("description", "JSON for Lua").keywords("json", "codec").publish(registry);
        PackageFixture.of("lua-yaml", "2.0.0").field("description", "YAML parser").keywords("yaml").publish(registry);
        PackageFixture.of("@team/json-extra", "0.1.0").field("description", "More JSON").publish(registry);

        JsonNode byName = json(getWith("/-/v1/search?text=lua-json"));
        assertThat(byName.path("total").asInt()).isEqualTo(1);
        JsonNode first = byName.path("objects").get(0);
        assertThat(first.path("package").path("name").asText()).isEqualTo("lua-json");
        assertThat(first.path("package").path("version").asText()).isEqualTo("1.0.0");
        assertThat(first.path("package").path("description").asText()).isEqualTo("JSON for Lua");
        assertThat(first.path("package").path("keywords").toString()).isEqualTo("[\"json\",\"codec\"]");
        assertThat(first.path("package").path("publisher").path("username").asText()).isEqualTo("tester");
        assertThat(first.path("package").path("date").asText()).isNotEmpty();
        assertThat(first.path("package").path("links").path("npm").asText()).isEqualTo(registry.url() + "/lua-json");
        assertThat(first.path("score").path("final").asDouble()).isPositive();
        assertThat(first.path("searchScore").asDouble()).isPositive();
        assertThat(byName.path("time").asText()).isNotEmpty();

        JsonNode json = json(getWith("/-/v1/search?text=json&size=10"));
        assertThat(json.path("total").asInt()).isEqualTo(2);
        assertThat(json(getWith("/-/v1/search?text=keywords:yaml")).path("objects").get(0).path("package")
            .path("name").asText()).isEqualTo("lua-yaml");
        JsonNode paged = json(getWith("/-/v1/search?text=&size=1&from=1"));
        assertThat(paged.path("total").asInt()).isEqualTo(3);
        assertThat(paged.path("objects")).hasSize(1);
        assertThat(getWith("/-/v1/search?text=x&size=lots").statusCode()).isEqualTo(400);
    }

    @Test
    void addListAndRemoveDistTags() {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        PackageFixture.of("greet", "2.0.0-beta.1").publish(registry);
        String token = registry.token();

        HttpResponse<String> added = registry.send("PUT", "/-/package/greet/dist-tags/beta", "\"2.0.0-beta.1\"", token);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(getWith("/-/package/greet/dist-tags")).toString())
            .isEqualTo("{\"latest\":\"2.0.0-beta.1\",\"beta\":\"2.0.0-beta.1\"}");
        assertThat(registry.send("PUT", "/-/package/greet/dist-tags/latest", "\"1.0.0\"", token).statusCode()).isEqualTo(201);
        assertThat(json(getWith("/greet")).path("dist-tags").path("latest").asText()).isEqualTo("1.0.0");

        assertThat(registry.send("DELETE", "/-/package/greet/dist-tags/beta", null, token).statusCode()).isEqualTo(200);
        assertThat(json(getWith("/-/package/greet/dist-tags")).has("beta")).isFalse();
        assertThat(registry.send("DELETE", "/-/package/greet/dist-tags/latest", null, token).statusCode()).isEqualTo(400);
        assertThat(registry.send("PUT", "/-/package/greet/dist-tags/next", "\"9.0.0\"", token).statusCode()).isEqualTo(400);
        assertThat(registry.send("PUT", "/-/package/greet/dist-tags/1.0.0", "\"1.0.0\"", token).statusCode()).isEqualTo(400);
        assertThat(registry.send("PUT", "/-/package/greet/dist-tags/next", "\"1.0.0\"", null).statusCode()).isEqualTo(401);
    }

    @Test
    void applyTheRequestedTagAndKeepLatestSensible() {
        registry.publish(PackageFixture.of("greet", "1.0.0-beta.1").pack(), Map.of("beta", "1.0.0-beta.1"));
        assertThat(json(getWith("/-/package/greet/dist-tags")).toString())
            .as("a first publish under another tag still gets latest")
            .isEqualTo("{\"beta\":\"1.0.0-beta.1\",\"latest\":\"1.0.0-beta.1\"}");

        registry.publish(PackageFixture.of("greet", "1.0.0").pack(), Map.of());
        registry.publish(PackageFixture.of("greet", "2.0.0-rc.1").pack(), Map.of("next", "2.0.0-rc.1"));
        registry.publish(PackageFixture.of("greet", "0.9.0").pack(), Map.of());

        JsonNode tags = json(getWith("/-/package/greet/dist-tags"));
        assertThat(tags.path("latest").asText()).isEqualTo("1.0.0");
        assertThat(tags.path("next").asText()).isEqualTo("2.0.0-rc.1");
    }

    @Test
    void tagScopedPackagesThroughTheEncodedPath() {
        PackageFixture.of("@team/tool", "0.1.0").publish(registry);

        HttpResponse<String> added = registry.send("PUT", "/-/package/@team%2ftool/dist-tags/stable", "\"0.1.0\"",
            registry.token());

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(json(getWith("/-/package/@team/tool/dist-tags")).path("stable").asText()).isEqualTo("0.1.0");
    }

    @Test
    void keepEveryVersionWhenPublishesRace() throws Exception {
        List<PackResult> packs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            packs.add(PackageFixture.of("greet", "1.0." + i).pack());
        }
        packs.add(PackageFixture.of("greet", "1.0.0").file("other.lua", "").pack());

        List<Integer> statuses;
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = packs.stream().map(pack -> executor.submit(() -> registry.publish(pack).statusCode())).toList();
            statuses = new ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(12);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(1);
        assertThat(json(getWith("/greet")).path("versions").size()).isEqualTo(12);
        assertThat(json(getWith("/greet")).path("dist-tags").path("latest").asText()).isNotEmpty();
    }

    @Test
    void neverRepublishAVersion() {
        PackageFixture.of("greet", "1.0.0").publish(registry);

        HttpResponse<String> again = PackageFixture.of("greet", "1.0.0").file("other.lua", "").publish(registry);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error").asText()).contains("previously published version 1.0.0");
        assertThat(json(again).has("reason")).isTrue();
    }

    @Test
    void unpublishVersionsButNeverAcceptThemAgain() {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        PackageFixture.of("greet", "1.1.0").publish(registry);
        String token = registry.token();
        ObjectNode packument = (ObjectNode) json(getWith("/greet"));
        ((ObjectNode) packument.path("versions")).remove("1.1.0");

        HttpResponse<String> removed = registry.send("PUT", "/greet/-rev/1-x", packument.toString(), token);
        HttpResponse<String> stillPublished = registry.send("DELETE", "/greet/-/greet-1.0.0.tgz/-rev/1-x", null, token);
        HttpResponse<String> deleted = registry.send("DELETE", "/greet/-/greet-1.1.0.tgz/-rev/1-x", null, token);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(201);
        assertThat(stillPublished.statusCode()).isEqualTo(409);
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode after = json(getWith("/greet"));
        assertThat(after.path("versions").has("1.1.0")).isFalse();
        assertThat(after.path("dist-tags").path("latest").asText()).isEqualTo("1.0.0");
        assertThat(getWith("/greet/-/greet-1.1.0.tgz").statusCode()).isEqualTo(404);
        HttpResponse<String> again = PackageFixture.of("greet", "1.1.0").publish(registry);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error").asText()).contains("previously published version 1.1.0");
    }

    @Test
    void unpublishAWholePackageLeavingATombstone() {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        String mallory = registry.tokenFor("mallory");

        assertThat(registry.send("DELETE", "/greet/-rev/1-x", null, mallory).statusCode()).isEqualTo(403);
        HttpResponse<String> removed = registry.send("DELETE", "/greet/-rev/1-x", null, registry.token());

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(getWith("/greet").statusCode()).isEqualTo(404);
        assertThat(json(getWith("/greet")).path("error").asText()).contains("unpublished");
        assertThat(json(getWith("/-/v1/search?text=greet")).path("total").asInt()).isZero();
        assertThat(registry.storage().resolve("greet/greet-1.0.0.tgz")).doesNotExist();
        assertThat(PackageFixture.of("greet", "1.0.0").publish(registry).statusCode()).isEqualTo(409);
        assertThat(PackageFixture.of("greet", "1.0.1").publish(registry).statusCode()).isEqualTo(201);
    }

    @Test
    void rejectMalformedPublishBodiesWithAReason() {
        String token = registry.token();
        PackResult packed = PackageFixture.of("greet", "1.0.0").pack();

        assertBadRequest(registry.send("PUT", "/greet", "{not json", token), "not valid JSON");
        assertBadRequest(registry.send("PUT", "/greet", "[]", token), "JSON object");
        assertBadRequest(registry.send("PUT", "/other", registry.publishBody(packed, Map.of()).toString(), token),
            "does not match");

        ObjectNode badIntegrity = registry.publishBody(packed, Map.of());
        ((ObjectNode) badIntegrity.path("versions").path("1.0.0").path("dist"))
            .put("integrity", Integrity.sha512(new byte[] {1}).sri());
        assertBadRequest(registry.send("PUT", "/greet", badIntegrity.toString(), token), "integrity");

        ObjectNode badLength = registry.publishBody(packed, Map.of());
        ((ObjectNode) badLength.path("_attachments").path("greet-1.0.0.tgz")).put("length", 3);
        assertBadRequest(registry.send("PUT", "/greet", badLength.toString(), token), "length");

        ObjectNode noVersions = registry.publishBody(packed, Map.of());
        noVersions.remove("versions");
        assertBadRequest(registry.send("PUT", "/greet", noVersions.toString(), token), "exactly one version");

        assertThat(registry.storage().resolve("greet")).doesNotExist();
    }

    @Test
    void rejectUnsafeOrMismatchedTarballs() throws IOException {
        String token = registry.token();
        PackResult good = PackageFixture.of("greet", "1.0.0").pack();

        byte[] evil = tarball(Map.of("package/hype.json", "{\"name\":\"greet\",\"version\":\"1.0.0\"}",
            "package/../../escape.lua", "os.exit()"));
        assertBadRequest(registry.send("PUT", "/greet", withTarball(good, evil).toString(), token), "'..'");

        byte[] lying = tarball(Map.of("package/hype.json", "{\"name\":\"other\",\"version\":\"1.0.0\"}"));
        assertBadRequest(registry.send("PUT", "/greet", withTarball(good, lying).toString(), token), "other@1.0.0");

        byte[] noManifest = tarball(Map.of("package/index.lua", "return 1"));
        assertBadRequest(registry.send("PUT", "/greet", withTarball(good, noManifest).toString(), token),
            "neither hype.json nor package.json");
    }

    private ObjectNode withTarball(PackResult template, byte[] tarball) {
        ObjectNode body = registry.publishBody(template, Map.of("latest", "1.0.0"));
        ((ObjectNode) body.path("versions").path("1.0.0").path("dist"))
            .put("integrity", Integrity.sha512(tarball).sri()).put("shasum", Integrity.sha1(tarball).hex());
        ((ObjectNode) body.path("_attachments").path("greet-1.0.0.tgz"))
            .put("data", Base64.getEncoder().encodeToString(tarball)).put("length", tarball.length);
        return body;
    }

    private static byte[] tarball(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                byte[] data = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey(), true);
                header.setSize(data.length);
                tar.putArchiveEntry(header);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void assertBadRequest(HttpResponse<String> response, String errorPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).path("error").asText()).contains(errorPart);
        assertThat(json(response).path("reason").asText()).isNotEmpty();
    }

    @Test
    void refusePublishWithoutAValidToken() {
        PackResult packed = PackageFixture.of("greet", "1.0.0").pack();
        String body = registry.publishBody(packed, Map.of()).toString();

        HttpResponse<String> none = registry.send("PUT", "/greet", body, null);
        HttpResponse<String> wrong = registry.send("PUT", "/greet", body, "hype_not-a-real-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("reason").asText()).contains("hype registry token create");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error").asText()).contains("invalid");
    }

    @Test
    void refuseChangesByUsersWhoDoNotMaintainThePackage() {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        String mallory = registry.tokenFor("mallory");
        PackResult next = PackageFixture.of("greet", "1.0.1").pack();

        HttpResponse<String> response = registry.send("PUT", "/greet", registry.publishBody(next, Map.of()).toString(), mallory);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asText()).contains("mallory");
        assertThat(registry.send("PUT", "/-/package/greet/dist-tags/evil", "\"1.0.0\"", mallory).statusCode()).isEqualTo(403);
    }

    @Test
    void answer413ForBodiesPastTheLimit() {
        registry.close();
        registry = TestRegistry.start(config -> config.withMaxBodyBytes(64 * 1024));
        String huge = "{\"name\":\"greet\",\"pad\":\"" + "x".repeat(200 * 1024) + "\"}";

        HttpResponse<String> response = registry.send("PUT", "/greet", huge, registry.token());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).contains("larger than 65536 bytes");
    }

    @Test
    void answer304WhenTheClientHasTheCurrentPackument() {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        HttpResponse<String> first = getWith("/greet");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> byEtag = getWith("/greet", "If-None-Match", etag);
        HttpResponse<String> byDate = getWith("/greet", "If-Modified-Since", lastModified);
        HttpResponse<String> staleDate = getWith("/greet", "If-Modified-Since", "Sat, 26 Oct 1985 08:15:00 GMT");
        HttpResponse<String> otherForm = getWith("/greet", "If-None-Match", etag,
            "Accept", "application/vnd.npm.install-v1+json");

        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(staleDate.statusCode()).isEqualTo(200);
        assertThat(otherForm.statusCode()).as("the abbreviated form has its own ETag").isEqualTo(200);

        PackageFixture.of("greet", "1.1.0").publish(registry);
        assertThat(getWith("/greet", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void gzipLargePackumentsForClientsThatAccept() throws IOException {
        PackageFixture.of("greet", "1.0.0").field("readme", "# greet\n" + "Say hello. ".repeat(500)).publish(registry);

        HttpResponse<byte[]> zipped = registry.send(HttpRequest.newBuilder(registry.baseUri().resolve("greet"))
            .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> plain = getWith("/greet");

        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(zipped.body().length).isLessThan(plain.body().length() / 4);
        String zippedEtag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(zippedEtag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(getWith("/greet", "If-None-Match", zippedEtag).statusCode()).isEqualTo(304);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void requireATokenForReadsInPrivateMode() {
        registry.close();
        registry = TestRegistry.start(config -> config.withPrivateMode(true));
        PackageFixture.of("greet", "1.0.0").publish(registry);

        assertThat(registry.send("GET", "/greet", null, null).statusCode()).isEqualTo(401);
        assertThat(registry.send("GET", "/greet/-/greet-1.0.0.tgz", null, null).statusCode()).isEqualTo(401);
        assertThat(registry.send("GET", "/-/v1/search?text=greet", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> authorised = registry.get("/greet");
        assertThat(authorised.statusCode()).isEqualTo(200);
        assertThat(authorised.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("private"));
        assertThat(registry.get("/greet/-/greet-1.0.0.tgz").statusCode()).isEqualTo(200);
    }

    @Test
    void tellWhoIsLoggedIn() {
        HttpResponse<String> whoami = registry.get("/-/whoami");

        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(json(whoami).path("username").asText()).isEqualTo("tester");
        assertThat(registry.send("GET", "/-/whoami", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void refusePasswordLoginUnlessSignupIsAllowed() {
        String body = "{\"_id\":\"org.couchdb.user:alice\",\"name\":\"alice\",\"password\":\"s3cret\",\"type\":\"user\"}";

        HttpResponse<String> refused = registry.send("PUT", "/-/user/org.couchdb.user:alice", body, null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("error").asText()).contains("hype registry token create alice");
    }

    @Test
    void createAccountsAndTokensWhenSignupIsAllowed() {
        registry.close();
        registry = TestRegistry.start(config -> config.withAllowSignup(true));
        String body = "{\"name\":\"alice\",\"password\":\"s3cret\"}";

        HttpResponse<String> created = registry.send("PUT", "/-/user/org.couchdb.user:alice", body, null);
        HttpResponse<String> again = registry.send("PUT", "/-/user/org.couchdb.user:alice", body, null);
        HttpResponse<String> wrong = registry.send("PUT", "/-/user/org.couchdb.user:alice",
            "{\"name\":\"alice\",\"password\":\"guess\"}", null);

        assertThat(created.statusCode()).isEqualTo(201);
        String token = json(created).path("token").asText();
        assertThat(json(registry.send("GET", "/-/whoami", null, token)).path("username").asText()).isEqualTo("alice");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(registry.send("DELETE", "/-/user/token/" + token, null, token).statusCode()).isEqualTo(200);
        assertThat(registry.send("GET", "/-/whoami", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void deprecateVersionsWithABodyWithoutAttachments() {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        ObjectNode packument = (ObjectNode) json(getWith("/greet"));
        ((ObjectNode) packument.path("versions").path("1.0.0")).put("deprecated", "use greet2");

        HttpResponse<String> response = registry.send("PUT", "/greet", packument.toString(), registry.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(getWith("/greet/1.0.0")).path("deprecated").asText()).isEqualTo("use greet2");
        assertThat(json(getWith("/greet")).path("versions").path("1.0.0").path("dist").path("integrity").asText())
            .startsWith("sha512-");
    }

    @Test
    void answerJsonErrorsForUnknownPackagesAndEndpoints() {
        HttpResponse<String> missing = getWith("/nothing-here");
        HttpResponse<String> invalid = getWith("/Bad%20Name");
        HttpResponse<String> unknown = getWith("/-/nowhere");
        HttpResponse<String> method = registry.send("DELETE", "/greet", null, registry.token());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).contains("nothing-here");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("error").asText()).contains("invalid package name");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(json(method).path("error").asText()).contains("DELETE");
    }

    @Test
    void logOneJsonLinePerRequest() throws IOException, InterruptedException {
        PackageFixture.of("greet", "1.0.0").publish(registry);
        getWith("/nothing-here");

        // each line is written once the response is complete, so the client may see it first
        JsonNode publish = JSON.readTree(nextLogLine());
        JsonNode missing = JSON.readTree(nextLogLine());

        assertThat(publish.path("method").asText()).isEqualTo("PUT");
        assertThat(publish.path("path").asText()).isEqualTo("/greet");
        assertThat(publish.path("status").asInt()).isEqualTo(201);
        assertThat(publish.path("user").asText()).isEqualTo("tester");
        assertThat(publish.path("bytes").asLong()).isPositive();
        assertThat(publish.has("ms")).isTrue();
        assertThat(publish.path("time").asText()).isNotEmpty();
        assertThat(missing.path("status").asInt()).isEqualTo(404);
        assertThat(missing.path("user").isNull()).isTrue();
        assertThat(accessLog).isEmpty();
    }

    private String nextLogLine() throws InterruptedException {
        String line = accessLog.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(line).as("an access log line").isNotNull();
        return line;
    }

    @Test
    void stopAcceptingConnectionsOnClose() {
        int port = registry.port();
        registry.close();

        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
        registry = TestRegistry.start();
    }

    @Test
    void finishRequestsInFlightWhenClosing() throws Exception {
        byte[] body = registry.publishBody(PackageFixture.of("greet", "1.0.0").pack(), Map.of("latest", "1.0.0"))
            .toString().getBytes(StandardCharsets.UTF_8);
        try (var socket = new java.net.Socket("127.0.0.1", registry.port())) {
            var out = socket.getOutputStream();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(("PUT /greet HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + registry.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).as("the handler is running").contains("100");
            skipHeaders(in);

            var closing = java.util.concurrent.CompletableFuture.runAsync(registry::close);
            out.write(body);
            out.flush();

            assertThat(in.readLine()).as("the publish completed while closing").isEqualTo("HTTP/1.1 201 Created");
            closing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", registry.port()).close()).isInstanceOf(IOException.class);
        registry = TestRegistry.start();
    }

    private static void skipHeaders(java.io.BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.isEmpty());
    }

    @Test
    void reportAPortInUse() {
        assertThatThrownBy(() -> RegistryServer.start(RegistryConfig.defaults(registry.storage()).withPort(registry.port())))
            .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo("E_REGISTRY_START"))
            .hasMessageContaining(String.valueOf(registry.port()));
    }
}
