package dev.hype.runtime.builtins;

import static dev.hype.runtime.builtins.TestHttpServer.redirect;
import static dev.hype.runtime.builtins.TestHttpServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.permissions.Access;
import dev.hype.runtime.permissions.Anchors;
import dev.hype.runtime.permissions.PermissionSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check that {@code http} asks its {@link Access} before every connection. Both servers listen on
 * 127.0.0.1, so {@code 127.0.0.1} and {@code localhost} serve as two distinct host names.
 */
class HttpModulePermissionsTest {
    private static final String HINT = "in evil's hype.json, then approve it with 'hype pkg install --allow-permissions'";

    @TempDir
    Path dir;

    private final TestHttpServer granted = TestHttpServer.start();
    private final TestHttpServer other = TestHttpServer.start();

    @AfterEach
    void stopServers() {
        granted.close();
        other.close();
    }

    private void lua(PermissionSpec spec, String code) {
        Access access = Access.of("evil", spec, Anchors.of(dir));
        try (ModuleTester t = new ModuleTester(dir).with(new HttpModule(access))) {
            t.run("""
                    local function err(f, ...)
                      local ok, e = pcall(f, ...)
                      assert(not ok, "expected an error")
                      return e
                    end
                    local A, B = "%s", "%s"
                    """.formatted(granted.url(""), "http://localhost:" + other.port()) + code);
        }
    }

    private PermissionSpec network(List<String> domains, List<Integer> ports) {
        return new PermissionSpec(List.of(), List.of(), domains, ports, List.of(), false, List.of(), false);
    }

    private PermissionSpec only127() {
        return network(List.of("127.0.0.1"), List.of(granted.port(), other.port()));
    }

    @Test
    void allowsAGrantedHostAndPort() {
        granted.route("/ok", text(200, "fine"));
        lua(only127(), """
                assert(http.get(A .. "/ok").body == "fine")
                assert(http.request{ url = A .. "/ok" }.status == 200)
                """);
        assertThat(granted.received()).hasSize(2);
    }

    @Test
    void deniesAHostThatIsNotGrantedBeforeConnecting() {
        lua(only127(), """
                local e = err(http.request, { url = B .. "/x" })
                assert(e.code == "PERMISSION_DENIED" and e.kind == "net" and e.operation == "http.request", tostring(e))
                assert(e.resource == "localhost:%d" and e.package == "evil")
                assert(tostring(e) == "PERMISSION_DENIED: package 'evil' may not connect to localhost:%d (http.request); "
                  .. "allow it with permissions.network.domains %s", tostring(e))
                """.formatted(other.port(), other.port(), HINT));
        assertThat(other.received()).isEmpty();
    }

    @Test
    void deniesARedirectToAHostThatIsNotGrantedBeforeSendingIt() {
        granted.route("/go", redirect(302, "http://localhost:" + other.port() + "/steal"));
        other.route("/steal", text(200, "stolen"));
        lua(only127(), """
                local e = err(http.get, A .. "/go")
                assert(e.code == "PERMISSION_DENIED", tostring(e))
                assert(tostring(e) == "PERMISSION_DENIED: package 'evil' may not connect to localhost:%d (http.get); "
                  .. "allow it with permissions.network.domains %s", tostring(e))
                """.formatted(other.port(), HINT));
        assertThat(granted.received()).hasSize(1);
        assertThat(other.received()).isEmpty();
    }

    @Test
    void allowsOnlyTheDefaultPortWhenNoPortIsGranted() {
        granted.route("/ok", text(200, "fine"));
        lua(network(List.of("127.0.0.1"), List.of()), """
                local e = err(http.get, A .. "/ok")
                assert(tostring(e) == "PERMISSION_DENIED: package 'evil' may not connect to 127.0.0.1:%d (http.get); "
                  .. "allow it with permissions.network.ports %s", tostring(e))
                """.formatted(granted.port(), HINT));
        assertThat(granted.received()).isEmpty();
    }

    @Test
    void deniesEverythingWithoutNetworkPermissions() {
        lua(PermissionSpec.NONE, """
                local e = err(http.get, A .. "/ok")
                assert(e.code == "PERMISSION_DENIED" and e.resource == "127.0.0.1:%d", tostring(e))
                """.formatted(granted.port()));
        assertThat(granted.received()).isEmpty();
    }
}
