package dev.hype.registry.server;

import static dev.hype.registry.server.TestRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoints npm token calls: list, create (with the password), revoke by key; each user sees their own. */
class TokenHandlerTest {
    private TestRegistry registry;
    private String alice;

    @BeforeEach
    void start() {
        registry = TestRegistry.start(config -> config.withAllowSignup(true));
        HttpResponse<String> login = registry.send("PUT", "/-/user/org.couchdb.user:alice",
            "{\"name\":\"alice\",\"password\":\"s3cret\"}", null);
        alice = json(login).path("token").asText();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void listShowsOnlyTheCallersTokensWithoutRevealingThem() {
        HttpResponse<String> list = registry.send("GET", "/-/npm/v1/tokens", null, alice);

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode objects = json(list).path("objects");
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).path("key").asText()).hasSize(12);
        assertThat(list.body()).doesNotContain(alice);
        assertThat(registry.send("GET", "/-/npm/v1/tokens", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void createNeedsTheAccountPasswordAndReturnsAWorkingToken() {
        HttpResponse<String> wrong = registry.send("POST", "/-/npm/v1/tokens", "{\"password\":\"guess\"}", alice);
        HttpResponse<String> created = registry.send("POST", "/-/npm/v1/tokens", "{\"password\":\"s3cret\"}", alice);
        HttpResponse<String> noPassword = registry.send("POST", "/-/npm/v1/tokens", "{\"password\":\"x\"}",
            registry.token());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(created.statusCode()).isEqualTo(201);
        String token = json(created).path("token").asText();
        assertThat(json(registry.send("GET", "/-/whoami", null, token)).path("username").asText()).isEqualTo("alice");
        assertThat(json(registry.send("GET", "/-/npm/v1/tokens", null, alice)).path("objects")).hasSize(2);
        assertThat(noPassword.statusCode()).isEqualTo(403);
        assertThat(json(noPassword).path("error").asText()).contains("has no password");
    }

    @Test
    void revokeTakesAKeyOfTheCallersOwnTokensOnly() {
        String key = json(registry.send("POST", "/-/npm/v1/tokens", "{\"password\":\"s3cret\"}", alice)).path("key")
            .asText();
        String testerKey = json(registry.send("GET", "/-/npm/v1/tokens", null, registry.token())).path("objects")
            .get(0).path("key").asText();

        assertThat(registry.send("DELETE", "/-/npm/v1/tokens/token/" + testerKey, null, alice).statusCode())
            .isEqualTo(404);
        assertThat(registry.send("DELETE", "/-/npm/v1/tokens/token/" + key.substring(0, 8), null, alice).statusCode())
            .isEqualTo(200);
        assertThat(json(registry.send("GET", "/-/npm/v1/tokens", null, alice)).path("objects")).hasSize(1);
        assertThat(registry.send("GET", "/-/whoami", null, registry.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void aReadOnlyTokenReadsButChangesNothingAndMayLogItselfOut() {
        HttpResponse<String> created = registry.send("POST", "/-/npm/v1/tokens",
            "{\"password\":\"s3cret\",\"readonly\":true}", alice);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("readonly").asBoolean()).isTrue();
        String readOnly = json(created).path("token").asText();
        PackageFixture.of("greet", "1.0.0").publish(registry);

        assertThat(registry.send("GET", "/-/whoami", null, readOnly).statusCode()).isEqualTo(200);
        assertThat(registry.send("GET", "/greet", null, readOnly).statusCode()).isEqualTo(200);
        HttpResponse<String> publish = registry.send("PUT", "/mine",
            registry.publishBody(PackageFixture.of("mine", "1.0.0").pack(), java.util.Map.of("latest", "1.0.0")).toString(),
            readOnly);
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(json(publish).path("error").asText()).isEqualTo("this token is read-only: it cannot PUT /mine");
        assertThat(registry.send("POST", "/-/npm/v1/tokens", "{\"password\":\"s3cret\"}", readOnly).statusCode())
            .isEqualTo(403);
        assertThat(json(registry.send("GET", "/-/npm/v1/tokens", null, alice)).path("objects").findValuesAsText("readonly"))
            .containsExactlyInAnyOrder("false", "true");
        assertThat(registry.send("DELETE", "/-/user/token/" + readOnly, null, readOnly).statusCode()).isEqualTo(200);
        assertThat(registry.send("GET", "/-/whoami", null, readOnly).statusCode()).isEqualTo(401);
    }

    @Test
    void aCidrLimitedTokenWorksOnlyFromItsRanges() {
        HttpResponse<String> elsewhere = registry.send("POST", "/-/npm/v1/tokens",
            "{\"password\":\"s3cret\",\"cidr_whitelist\":[\"10.0.0.0/8\",\"fd00::/8\"]}", alice);
        HttpResponse<String> loopback = registry.send("POST", "/-/npm/v1/tokens",
            "{\"password\":\"s3cret\",\"cidr_whitelist\":[\"127.0.0.0/8\"]}", alice);
        HttpResponse<String> invalid = registry.send("POST", "/-/npm/v1/tokens",
            "{\"password\":\"s3cret\",\"cidr_whitelist\":[\"10.0.0.0/33\"]}", alice);

        assertThat(elsewhere.statusCode()).isEqualTo(201);
        assertThat(json(elsewhere).path("cidr_whitelist").toString()).isEqualTo("[\"10.0.0.0/8\",\"fd00::/8\"]");
        HttpResponse<String> refused = registry.send("GET", "/-/whoami", null, json(elsewhere).path("token").asText());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("error").asText())
            .isEqualTo("this token may be used only from 10.0.0.0/8, fd00::/8, not from 127.0.0.1");
        assertThat(registry.send("GET", "/-/whoami", null, json(loopback).path("token").asText()).statusCode())
            .isEqualTo(200);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("error").asText()).contains("10.0.0.0/33", "prefix length must be 0 to 32");
    }
}
