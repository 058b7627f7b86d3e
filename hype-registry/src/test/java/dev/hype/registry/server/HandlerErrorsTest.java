package dev.hype.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackResult;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the registry answers to requests it cannot honour, endpoint by endpoint, over HTTP: malformed publish bodies,
 * dist-tags, scopes, owners, tokens, unpublish and sign-up bodies, and storage it cannot read. Every answer has npm's
 * error body, naming the field or the package, and nothing changes.
 */
class HandlerErrorsTest {
    private TestRegistry registry;

    @BeforeEach
    void start() {
        registry = TestRegistry.start(config -> config.withAllowSignup(true));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static void assertStatus(HttpResponse<String> response, int status, String errorPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(TestRegistry.json(response).path("error").asText()).contains(errorPart);
    }

    private HttpResponse<String> put(String path, String body) {
        return registry.send("PUT", path, body, registry.token());
    }

    private ObjectNode body(PackResult packed) {
        return registry.publishBody(packed, Map.of("latest", packed.version()));
    }

    private ObjectNode version(ObjectNode body, String version) {
        return (ObjectNode) body.path("versions").path(version);
    }

    private ObjectNode attachment(ObjectNode body) {
        return (ObjectNode) body.path("_attachments").properties().iterator().next().getValue();
    }

    @Test
    void aPublishBodyMustHoldOneValidVersionMatchingItsAttachment() {
        PackResult packed = PackageFixture.of("lib", "1.0.0").pack();

        ObjectNode badVersion = body(packed);
        badVersion.putObject("versions").set("one", version(body(packed), "1.0.0"));
        assertStatus(put("/lib", badVersion.toString()), 400, "'one' is not a valid semantic version");

        ObjectNode notObject = body(packed);
        notObject.putObject("versions").put("1.0.0", "text");
        assertStatus(put("/lib", notObject.toString()), 400, "versions['1.0.0'] must be an object");

        ObjectNode otherName = body(packed);
        version(otherName, "1.0.0").put("name", "other");
        assertStatus(put("/lib", otherName.toString()), 400, "versions['1.0.0'] must have name 'lib' and version '1.0.0'");

        ObjectNode two = body(packed);
        ((ObjectNode) two.path("_attachments")).set("lib-1.0.1.tgz", attachment(body(packed)).deepCopy());
        assertStatus(put("/lib", two.toString()), 400, "'_attachments' must hold exactly one tarball");

        ObjectNode misnamed = body(packed);
        misnamed.putObject("_attachments").set("lib-9.9.9.tgz", attachment(body(packed)));
        assertStatus(put("/lib", misnamed.toString()), 400,
                "the attachment 'lib-9.9.9.tgz' should be named 'lib-1.0.0.tgz'");

        ObjectNode noData = body(packed);
        attachment(noData).remove("data");
        assertStatus(put("/lib", noData.toString()), 400, "the attachment 'lib-1.0.0.tgz' has no base64 'data'");

        ObjectNode badBase64 = body(packed);
        attachment(badBase64).put("data", "***not base64***");
        assertStatus(put("/lib", badBase64.toString()), 400, "the attachment 'lib-1.0.0.tgz' is not valid base64");

        ObjectNode noDigest = body(packed);
        ((ObjectNode) version(noDigest, "1.0.0").path("dist")).remove(java.util.List.of("integrity", "shasum"));
        assertStatus(put("/lib", noDigest.toString()), 400, "versions['1.0.0'].dist needs 'integrity' or 'shasum'");

        assertStatus(put("/lib", "{\"name\": \"lib\"}"), 400,
                "the body has neither '_attachments' (publish) nor 'versions' (update)");
        assertStatus(put("/lib", ""), 400, "the request body is empty; expected JSON");
        assertThat(registry.get("/lib").statusCode()).isEqualTo(404);
    }

    @Test
    void aTarballWhoseManifestIsNotAJsonObjectIsRejected() throws IOException {
        PackResult template = PackageFixture.of("lib", "1.0.0").pack();
        for (var manifest : Map.of("{not json", "is not valid JSON", "[1, 2]", "is not a JSON object").entrySet()) {
            byte[] tarball = RegistryAccessControlTest.tarball(
                    java.util.List.of(Map.entry("package/hype.json", manifest.getKey())));
            ObjectNode body = body(template);
            ((ObjectNode) version(body, "1.0.0").path("dist")).put("integrity", Integrity.sha512(tarball).sri())
                    .put("shasum", Integrity.sha1(tarball).hex());
            attachment(body).put("data", Base64.getEncoder().encodeToString(tarball)).put("length", tarball.length);
            assertStatus(put("/lib", body.toString()), 400, "tarball lib-1.0.0.tgz: hype.json " + manifest.getValue());
        }
        assertThat(registry.get("/lib").statusCode()).isEqualTo(404);
    }

    @Test
    void distTagsThatDoNotExistAndBodiesThatAreNoVersionAreRefused() {
        assertThat(registry.publish(PackageFixture.of("lib", "1.0.0").pack()).statusCode()).isEqualTo(201);

        assertStatus(registry.get("/-/package/lib/dist-tags/beta"), 404, "dist-tag 'beta' of lib not found");
        assertStatus(registry.send("DELETE", "/-/package/lib/dist-tags/beta", null, registry.token()), 404,
                "dist-tag 'beta' of lib not found");
        assertStatus(put("/-/package/lib/dist-tags/beta", "{\"version\": \"1.0.0\"}"), 400,
                "the body must be a JSON string holding a version");
        assertThat(TestRegistry.json(registry.get("/-/package/lib/dist-tags")).toString())
                .isEqualTo("{\"latest\":\"1.0.0\"}");
        assertThat(TestRegistry.json(registry.get("/-/package/lib/dist-tags/latest")).asText()).isEqualTo("1.0.0");
    }

    @Test
    void scopeMembershipChangesNeedAKnownRoleAMemberAndAnOwnerLeft() {
        String alice = registry.tokenFor("alice");
        String bob = registry.tokenFor("bob");
        String carol = registry.tokenFor("carol");
        assertStatus(registry.send("GET", "/-/org/acme/user", null, alice), 404,
                "scope @acme has no members yet; it belongs to whoever first publishes in it");
        assertThat(registry.send("PUT", "/@acme%2flib", body(PackageFixture.of("@acme/lib", "1.0.0").pack()).toString(),
                alice).statusCode()).isEqualTo(201);

        assertStatus(registry.send("PUT", "/-/org/acme/user", "{\"user\": \"bob\", \"role\": \"boss\"}", alice), 400,
                "'boss' is not a role");
        assertThat(registry.send("PUT", "/-/org/acme/user", "{\"user\": \"bob\", \"role\": \"owner\"}", alice)
                .statusCode()).isEqualTo(200);
        assertThat(registry.send("PUT", "/-/org/acme/user", "{\"user\": \"carol\"}", alice).statusCode())
                .isEqualTo(200);
        assertStatus(registry.send("DELETE", "/-/org/acme/user", "{\"user\": \"dave\"}", alice), 404,
                "user 'dave' is not a member of @acme");
        assertStatus(registry.send("DELETE", "/-/org/acme/user", "{\"user\": \"bob\"}", carol), 403,
                "user 'carol' may not remove 'bob' from @acme");
        assertThat(registry.send("DELETE", "/-/org/acme/user", "{\"user\": \"alice\"}", bob).statusCode())
                .isEqualTo(200);
        assertStatus(registry.send("PUT", "/-/org/acme/user", "{\"user\": \"bob\", \"role\": \"admin\"}", bob), 409,
                "'bob' is the last owner of @acme");
        JsonNode roster = TestRegistry.json(registry.send("GET", "/-/org/acme/user", null, bob));
        assertThat(roster.toString()).isEqualTo("{\"bob\":\"owner\",\"carol\":\"developer\"}");
    }

    @Test
    void ownersMustBeAnArrayOfNamedUsers() {
        assertThat(registry.publish(PackageFixture.of("lib", "1.0.0").pack()).statusCode()).isEqualTo(201);
        assertStatus(put("/lib/-rev/1-x", "{\"maintainers\": {\"name\": \"bob\"}}"), 400,
                "'maintainers' must be an array of {\"name\": USER}");
        assertStatus(put("/lib/-rev/1-x", "{\"maintainers\": [{\"email\": \"bob@example.org\"}]}"), 400,
                "every maintainer needs a 'name'");
        assertThat(TestRegistry.json(registry.get("/lib")).path("maintainers").path(0).path("name").asText())
                .isEqualTo(TestRegistry.USER);
    }

    @Test
    void malformedTokenLimitsAndAmbiguousKeysAreRefused() {
        HttpResponse<String> signup = registry.send("PUT", "/-/user/org.couchdb.user:erin",
                "{\"name\": \"erin\", \"password\": \"pw\"}", null);
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
        String erin = TestRegistry.json(signup).path("token").asText();
        assertStatus(registry.send("POST", "/-/npm/v1/tokens",
                "{\"password\": \"pw\", \"cidr_whitelist\": \"10.0.0.0/8\"}", erin), 400,
                "'cidr_whitelist' must be an array of CIDR ranges");
        assertStatus(registry.send("POST", "/-/npm/v1/tokens",
                "{\"password\": \"pw\", \"cidr_whitelist\": [\"10.0.0.0/99\"]}", erin), 400, "cidr_whitelist: ");
        assertStatus(registry.send("POST", "/-/npm/v1/tokens", "{\"password\": \"pw\", \"readonly\": \"yes\"}", erin),
                400, "'readonly' must be true or false");
        for (int i = 0; i < 20; i++) {
            assertThat(registry.send("POST", "/-/npm/v1/tokens", "{\"password\": \"pw\"}", erin).statusCode())
                    .isEqualTo(201);
        }
        // 21 tokens with hexadecimal keys: at least two share their first digit. Deleting by a digit only one key
        // starts with would delete that token, perhaps erin's own: ask with a digit the listing shows twice.
        java.util.Map<Character, Integer> firstDigits = new java.util.HashMap<>();
        TestRegistry.json(registry.send("GET", "/-/npm/v1/tokens", null, erin)).path("objects")
                .forEach(token -> firstDigits.merge(token.path("key").asText().charAt(0), 1, Integer::sum));
        char shared = firstDigits.entrySet().stream().filter(e -> e.getValue() > 1).findFirst().orElseThrow().getKey();
        HttpResponse<String> ambiguous = registry.send("DELETE", "/-/npm/v1/tokens/token/" + shared, null, erin);
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(TestRegistry.json(ambiguous).path("error").asText()).containsPattern("starts \\d+ tokens of erin");
        assertThat(registry.send("GET", "/-/whoami", null, erin).statusCode()).isEqualTo(200);
    }

    @Test
    void unpublishNeedsTheRemainingVersionsAndNamesWhatIsNotThere() {
        assertThat(registry.publish(PackageFixture.of("lib", "1.0.0").pack()).statusCode()).isEqualTo(201);
        assertThat(registry.publish(PackageFixture.of("lib", "1.1.0").pack()).statusCode()).isEqualTo(201);

        assertStatus(put("/lib/-rev/1-x", "{\"name\": \"lib\"}"), 400,
                "the body must be the packument with the remaining 'versions'");
        assertStatus(put("/lib/-rev/1-x", "{\"versions\": {\"1.0.0\": {}, \"3.0.0\": {}}}"), 400,
                "version 3.0.0 of lib is not published; this endpoint only removes versions");
        assertStatus(registry.send("DELETE", "/lib/-/lib-7.0.0.tgz/-rev/1-x", null, registry.token()), 404,
                "tarball lib-7.0.0.tgz of lib not found");
        assertThat(TestRegistry.json(registry.get("/lib")).path("versions").size()).isEqualTo(2);

        assertThat(registry.send("DELETE", "/lib/-rev/1-x", null, registry.token()).statusCode()).isEqualTo(200);
        assertStatus(registry.send("DELETE", "/lib/-rev/2-x", null, registry.token()), 404,
                "package lib was unpublished");
    }

    @Test
    void signUpBodiesMustNameTheUserOfTheUrlValidly() {
        assertStatus(registry.send("PUT", "/-/user/org.couchdb.user:frank",
                "{\"name\": \"grace\", \"password\": \"pw\"}", null), 400,
                "the body's name 'grace' does not match the URL's 'frank'");
        assertStatus(registry.send("PUT", "/-/user/org.couchdb.user:frank", "{\"name\": \"frank\", \"password\": \"\"}",
                null), 400, "invalid user name or empty password for 'frank'");
        assertStatus(registry.send("PUT", "/-/user/org.couchdb.user:bad%20name",
                "{\"name\": \"bad name\", \"password\": \"pw\"}", null), 400, "invalid user name");
    }

    @Test
    void searchMatchesMaintainersAndKeywordsGivenAsText() {
        PackResult tagged = PackageFixture.of("textual", "1.0.0").field("keywords", "Parsing, json")
                .field("homepage", "https://example.org/textual").pack();
        assertThat(registry.publish(tagged).statusCode()).isEqualTo(201);
        assertThat(registry.publish(PackageFixture.of("other", "1.0.0").pack()).statusCode()).isEqualTo(201);

        JsonNode byMaintainer = TestRegistry.json(registry.get("/-/v1/search?text=maintainer:" + TestRegistry.USER));
        assertThat(byMaintainer.path("total").asInt()).isEqualTo(2);
        JsonNode byKeyword = TestRegistry.json(registry.get("/-/v1/search?text=parsing"));
        assertThat(byKeyword.path("total").asInt()).isEqualTo(1);
        JsonNode hit = byKeyword.path("objects").path(0).path("package");
        assertThat(hit.path("keywords").toString()).isEqualTo("[\"parsing\",\"json\"]");
        assertThat(hit.path("links").path("homepage").asText()).isEqualTo("https://example.org/textual");
        assertThat(TestRegistry.json(registry.get("/-/v1/search?text=maintainer:nobody")).path("total").asInt())
                .isZero();
    }

    @Test
    void aPackumentTheStorageCannotReadIsA500ThatHidesTheStoragePath() throws IOException {
        Path broken = Files.createDirectories(registry.storage().resolve("broken"));
        Files.writeString(broken.resolve("package.json"), "[\"not\", \"an object\"]");
        HttpResponse<String> array = registry.get("/broken");
        assertThat(array.statusCode()).isEqualTo(500);
        assertThat(TestRegistry.json(array).path("error").asText()).contains("the packument of broken is not a JSON object")
                .doesNotContain(registry.storage().toString());

        Path garbled = Files.createDirectories(registry.storage().resolve("garbled"));
        Files.writeString(garbled.resolve("package.json"), "{\"versions\": ");
        HttpResponse<String> unreadable = registry.get("/garbled");
        assertThat(unreadable.statusCode()).isEqualTo(500);
        assertThat(TestRegistry.json(unreadable).path("error").asText()).contains("cannot read the packument of garbled")
                .doesNotContain(registry.storage().toString());
    }

    @Test
    void conditionalGetsAnswer304OnlyForAMatchingTag() {
        assertThat(registry.publish(PackageFixture.of("lib", "1.0.0").pack()).statusCode()).isEqualTo(201);
        HttpResponse<String> first = registry.get("/lib");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> weak = registry.send(HttpRequest.newBuilder(registry.baseUri().resolve("lib"))
                .header("If-None-Match", "\"other\", W/" + etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(weak.statusCode()).isEqualTo(304);
        HttpResponse<String> badDate = registry.send(HttpRequest.newBuilder(registry.baseUri().resolve("lib"))
                .header("If-Modified-Since", "yesterday").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badDate.statusCode()).isEqualTo(200);
        assertThat(TestRegistry.json(badDate).path("name").asText()).isEqualTo("lib");
    }
}
