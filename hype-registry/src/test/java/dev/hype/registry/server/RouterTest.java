package dev.hype.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an npm client sees for a request no endpoint serves: 404 for a path the registry does not
 * have, 405 with the allowed methods for a known path and a wrong method, 400 for a malformed name,
 * always with npm's {@code {"error", "reason"}} body.
 */
class RouterTest {
    private static TestRegistry registry;

    @BeforeAll
    static void start() {
        registry = TestRegistry.start(config -> config);
        registry.publish(PackageFixture.of("greet", "1.0.0").pack());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "GET    | /                                  | 404 | no endpoint at /",
        "GET    | /-/nothing                         | 404 | no endpoint at /-/nothing",
        "GET    | /-/v1/other                        | 404 | no endpoint at /-/v1/other",
        "POST   | /-/ping                            | 405 | allowed: GET",
        "POST   | /-/whoami                          | 405 | allowed: GET",
        "POST   | /-/v1/search                       | 405 | allowed: GET",
        "DELETE | /-/user/org.couchdb.user:ana       | 405 | allowed: GET, PUT",
        "GET    | /-/user/token/abc                  | 405 | allowed: DELETE",
        "GET    | /-/user/other                      | 404 | no endpoint at /-/user/other",
        "PUT    | /-/npm/v1/tokens                   | 405 | allowed: GET, POST",
        "GET    | /-/npm/v1/tokens/token/abc         | 405 | allowed: DELETE",
        "GET    | /-/npm/v2/tokens                   | 404 | no endpoint at /-/npm/v2/tokens",
        "GET    | /-/org/acme                        | 404 | no endpoint at /-/org/acme",
        "GET    | /-/org/Bad..Scope/user             | 400 | is not a valid scope",
        "POST   | /-/org/acme/user                   | 405 | allowed: GET, PUT, DELETE",
        "GET    | /-/package/greet/other             | 404 | no endpoint at /-/package/greet/other",
        "PATCH  | /-/package/greet/dist-tags/beta    | 405 | allowed: GET, PUT, DELETE",
        "POST   | /-/package/greet/dist-tags         | 405 | allowed: GET",
        "GET    | /-/package                         | 404 | no package name in the path",
        "GET    | /-/package/@acme                   | 400 | lacks its package part",
        "GET    | /-/package/..bad/dist-tags         | 400 | ",
        "POST   | /greet/-rev/1-abc                  | 405 | allowed: PUT, DELETE",
        "GET    | /greet/-/greet-1.0.0.tgz/-rev/1    | 405 | allowed: DELETE",
        "GET    | /greet/a/b/c/d                     | 404 | no endpoint at /greet/a/b/c/d",
    })
    void requestsNoEndpointServesGetAnNpmStyleError(String method, String path, int status, String detail) {
        HttpResponse<String> response = registry.send(method, path, method.equals("GET") ? null : "{}", registry.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = TestRegistry.json(response);
        assertThat(body.path("error").asText()).isNotEmpty();
        if (detail != null) {
            assertThat(body.path("error").asText() + " " + body.path("reason").asText()).contains(detail);
        }
    }

    @Test
    void theEndpointsThoseErrorsSurroundStillAnswer() {
        assertThat(registry.send("GET", "/-/ping", null, registry.token()).statusCode()).isEqualTo(200);
        assertThat(registry.send("GET", "/-/package/greet/dist-tags", null, registry.token()).statusCode()).isEqualTo(200);
        assertThat(registry.send("GET", "/-/package/greet/dist-tags/latest", null, registry.token()).statusCode())
            .isEqualTo(200);
    }
}
