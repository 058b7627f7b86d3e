package dev.hype.runtime.builtins;

import static dev.hype.runtime.builtins.TestHttpServer.bytes;
import static dev.hype.runtime.builtins.TestHttpServer.echo;
import static dev.hype.runtime.builtins.TestHttpServer.redirect;
import static dev.hype.runtime.builtins.TestHttpServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.permissions.Access;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpModuleTest {
    @TempDir
    Path dir;

    private final TestHttpServer server = TestHttpServer.start();

    private static final String ERR = """
            local function err(f, ...)
              local ok, e = pcall(f, ...)
              assert(not ok, "expected an error")
              return e
            end
            """;

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Run {@code code} with the standard modules; {@code A} holds the server's base URL. */
    private void lua(String code) {
        try (ModuleTester t = new ModuleTester(dir)) {
            t.run(prelude() + code);
        }
    }

    private String prelude() {
        return ERR + "local A = \"" + server.url("") + "\"\n";
    }

    @Test
    void getsTheStatusHeadersBodyAndFinalUrl() {
        server.route("/hello", text(200, "hi there", "X-A", "1", "X-Multi", "a", "X-Multi", "b",
                "Set-Cookie", "a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT", "Set-Cookie", "b=2",
                "X-Utf8", new String("é".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));
        lua("""
                local r = http.get(A .. "/hello")
                assert(r.status == 200 and math.type(r.status) == "integer" and r.ok == true)
                assert(r.body == "hi there")
                assert(r.headers["x-a"] == "1" and r.headers["X-A"] == nil)
                assert(r.headers["x-multi"] == "a, b", r.headers["x-multi"])
                assert(r.headers["content-length"] == "8")
                assert(r.headers["x-utf8"] == "é", "header bytes as received")
                local cookies = r.headers["set-cookie"]
                assert(#cookies == 2 and cookies[1] == "a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT" and cookies[2] == "b=2")
                assert(r.url == A .. "/hello" and r.redirects == 0)
                """);
        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.headers().getFirst("User-Agent")).isEqualTo("hype");
        });
    }

    @Test
    void sendsTheMethodHeadersAndBody() {
        server.route("/echo", echo());
        lua("""
                local r = http.request{
                  method = "post", url = A .. "/echo?x=1",
                  headers = { ["Content-Type"] = "text/plain", ["X-Num"] = 42, ["User-Agent"] = "mine/1" },
                  body = "payload",
                }
                assert(r.status == 200 and r.body == "payload")
                assert(r.headers["x-method"] == "POST" and r.headers["x-query"] == "x=1")
                assert(http.request{ url = A .. "/echo" }.headers["x-method"] == "GET")
                """);
        TestHttpServer.Received post = server.received().getFirst();
        assertThat(post.text()).isEqualTo("payload");
        assertThat(post.headers().getFirst("Content-Type")).isEqualTo("text/plain");
        assertThat(post.headers().getFirst("X-Num")).isEqualTo("42");
        assertThat(post.headers().get("User-Agent")).containsExactly("mine/1");
    }

    @Test
    void roundTripsBinaryBodiesUnchanged() {
        server.route("/echo", echo());
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        server.route("/bytes", bytes(200, all));
        lua("""
                local parts = {}
                for i = 0, 255 do parts[#parts + 1] = string.char(i) end
                local data = table.concat(parts):rep(3)
                local r = http.request{ method = "PUT", url = A .. "/echo", body = data }
                assert(#r.body == 768 and r.body == data)
                assert(http.get(A .. "/bytes").body == table.concat(parts))
                """);
        byte[] received = server.received().getFirst().body();
        assertThat(received).hasSize(768);
        assertThat(received[255]).isEqualTo((byte) 255);
    }

    @Test
    void errorStatusesAreResultsNotErrors() {
        server.route("/boom", text(500, "broken"));
        lua("""
                local missing = http.get(A .. "/missing")
                assert(missing.status == 404 and missing.ok == false and missing.body == "not found")
                local boom = http.request{ method = "DELETE", url = A .. "/boom" }
                assert(boom.status == 500 and boom.body == "broken")
                """);
    }

    @Test
    void followsRelativeAndAbsoluteRedirects() {
        server.route("/start", redirect(302, "next?step=2"))
                .route("/next", redirect(307, server.url("/dir/final")))
                .route("/dir/final", redirect(301, "../done"))
                .route("/done", text(200, "done"));
        lua("""
                local r = http.get(A .. "/start")
                assert(r.status == 200 and r.body == "done")
                assert(r.url == A .. "/done" and r.redirects == 3, r.url)
                """);
        assertThat(server.received()).extracting(TestHttpServer.Received::path)
                .containsExactly("/start", "/next", "/dir/final", "/done");
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWithoutBody() {
        server.route("/form", redirect(303, "/result")).route("/result", echo());
        lua("""
                local r = http.request{
                  method = "POST", url = A .. "/form", body = "a=1",
                  headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Keep"] = "yes" },
                }
                assert(r.status == 200 and r.headers["x-method"] == "GET" and r.body == "")
                """);
        TestHttpServer.Received second = server.received().get(1);
        assertThat(second.method()).isEqualTo("GET");
        assertThat(second.body()).isEmpty();
        assertThat(second.headers().containsKey("Content-Type")).isFalse();
        assertThat(second.headers().getFirst("X-Keep")).isEqualTo("yes");
    }

    @Test
    void temporaryRedirectsRepeatTheMethodAndBody() {
        server.route("/keep", redirect(307, "/result")).route("/moved", redirect(302, "/result"))
                .route("/result", echo());
        lua("""
                local r = http.request{ method = "POST", url = A .. "/keep", body = "data" }
                assert(r.headers["x-method"] == "POST" and r.body == "data")
                local put = http.request{ method = "PUT", url = A .. "/moved", body = "data" }
                assert(put.headers["x-method"] == "PUT" and put.body == "data")
                local post = http.request{ method = "POST", url = A .. "/moved", body = "data" }
                assert(post.headers["x-method"] == "GET" and post.body == "")
                """);
    }

    @Test
    void stopsAfterTwentyRedirects() {
        server.route("/loop", redirect(302, "/loop"));
        lua("""
                local e = err(http.get, A .. "/loop")
                assert(e.code == "ERR_TOO_MANY_REDIRECTS" and e.url == A .. "/loop" and e.method == "GET")
                assert(tostring(e) == "ERR_TOO_MANY_REDIRECTS: too many redirects (more than 20), GET " .. A .. "/loop", tostring(e))
                """);
        assertThat(server.received()).hasSize(21);
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        server.route("/ftp", redirect(301, "ftp://example.com/file"));
        lua("""
                local e = err(http.get, A .. "/ftp")
                assert(e.code == "ERR_INVALID_REDIRECT")
                assert(e.message == "ERR_INVALID_REDIRECT: invalid redirect (unsupported scheme 'ftp' in "
                  .. "'ftp://example.com/file': expected http or https), GET " .. A .. "/ftp", e.message)
                """);
    }

    @Test
    void manualRedirectModeReturnsTheRedirectItself() {
        server.route("/old", redirect(302, "/elsewhere"));
        lua("""
                local r = http.get(A .. "/old", { redirect = "manual" })
                assert(r.status == 302 and r.headers.location == "/elsewhere" and r.body == "moved")
                assert(r.url == A .. "/old" and r.redirects == 0)
                """);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void dropsCredentialsWhenARedirectLeavesTheOrigin() {
        try (TestHttpServer other = TestHttpServer.start()) {
            other.route("/there", echo());
            server.route("/away", redirect(307, other.url("/there")));
            lua("""
                    local r = http.request{ url = A .. "/away",
                      headers = { Authorization = "Bearer secret", Cookie = "s=1", ["X-Keep"] = "yes" } }
                    assert(r.status == 200)
                    """);
            TestHttpServer.Received there = other.received().getFirst();
            assertThat(there.headers().containsKey("Authorization")).isFalse();
            assertThat(there.headers().containsKey("Cookie")).isFalse();
            assertThat(there.headers().getFirst("X-Keep")).isEqualTo("yes");
        }
        assertThat(server.received().getFirst().headers().getFirst("Authorization")).isEqualTo("Bearer secret");
    }

    @Test
    void reportsARefusedConnectionAsAnErrorTable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        lua("""
                local url = "http://127.0.0.1:%d/x"
                local e = err(http.get, url)
                assert(type(e) == "table" and e.code == "ECONNREFUSED" and e.url == url and e.method == "GET")
                assert(tostring(e) == "ECONNREFUSED: connection refused, GET " .. url, tostring(e))
                assert(getmetatable(e).__name == "http.Error")
                """.formatted(port));
    }

    @Test
    void reportsAConnectionClosedWithoutAnAnswer() {
        server.route("/drop", TestHttpServer.hangUp());
        lua("""
                local e = err(http.get, A .. "/drop")
                assert(e.code == "ECONNRESET", tostring(e))
                """);
    }

    @Test
    void timesOutAServerThatNeverAnswers() {
        server.route("/slow", server.hang());
        lua("""
                local e = err(http.get, A .. "/slow", { timeout = 0.2 })
                assert(e.code == "ETIMEDOUT", tostring(e))
                assert(tostring(e) == "ETIMEDOUT: timed out (no complete response within 0.2 s), GET " .. A .. "/slow", tostring(e))
                """);
    }

    @Test
    void rejectsBadArgumentsNamingTheFieldBeforeAnyConnection() {
        HttpModule module = new HttpModule(Access.UNRESTRICTED);
        try (ModuleTester t = new ModuleTester(dir).with(module)) {
            t.run(prelude() + """
                    local function bad(expected, f, ...)
                      local e = err(f, ...)
                      assert(e == expected, e)
                    end
                    bad("bad argument #1 to 'request' (url: expected a string, got nil)", http.request, {})
                    bad("bad argument #1 to 'request' (table expected, got string)", http.request, A)
                    bad("bad argument #1 to 'get' (string expected, got no value)", http.get)
                    bad("bad argument #1 to 'request' (url: invalid URL 'http://a b/': illegal character in authority at index 8)",
                      http.request, { url = "http://a b/" })
                    bad("bad argument #1 to 'get' (invalid URL 'example.com/x': no scheme, expected http:// or https://)",
                      http.get, "example.com/x")
                    bad("bad argument #1 to 'get' (unsupported scheme 'ftp' in 'ftp://x/': expected http or https)",
                      http.get, "ftp://x/")
                    bad("bad argument #1 to 'get' (invalid URL 'http:x': no host)", http.get, "http:x")
                    bad("bad argument #1 to 'get' (credentials in URL 'http://u:p@x/' are not supported: "
                      .. "send an Authorization header instead)", http.get, "http://u:p@x/")
                    bad("bad argument #1 to 'request' (method: expected a string, got number)", http.request, { url = A, method = 1 })
                    bad("bad argument #1 to 'request' (method: invalid method 'GE T')", http.request, { url = A, method = "GE T" })
                    bad("bad argument #1 to 'request' (method: CONNECT is not supported)", http.request, { url = A, method = "connect" })
                    bad("bad argument #1 to 'get' (invalid URL 'http://h:99999/': port out of range)", http.get, "http://h:99999/")
                    bad("bad argument #1 to 'request' (unexpected number key: options are named fields)", http.request, { A })
                    bad("bad argument #1 to 'request' (headers: expected a table, got string)", http.request, { url = A, headers = "x" })
                    bad("bad argument #1 to 'request' (headers['X-A']: expected a string or number, got table)",
                      http.request, { url = A, headers = { ["X-A"] = {} } })
                    bad("bad argument #1 to 'request' (headers: names must be strings, got number)",
                      http.request, { url = A, headers = { "x" } })
                    bad("bad argument #1 to 'request' (headers['Host']: cannot be set; the client sets it)",
                      http.request, { url = A, headers = { Host = "evil" } })
                    bad("bad argument #1 to 'request' (headers['X-U']: value must be ASCII text)",
                      http.request, { url = A, headers = { ["X-U"] = "é" } })
                    bad("bad argument #1 to 'request' (headers['X-N']: invalid value (line breaks and control characters are not allowed))",
                      http.request, { url = A, headers = { ["X-N"] = "a\\nb" } })
                    bad("bad argument #1 to 'request' (headers: invalid name 'a b')",
                      http.request, { url = A, headers = { ["a b"] = "1" } })
                    bad("bad argument #1 to 'request' (body: expected a string, got table)", http.request, { url = A, body = {} })
                    bad("bad argument #1 to 'request' (timeout: must be a positive number of seconds, got 0)",
                      http.request, { url = A, timeout = 0 })
                    bad("bad argument #1 to 'request' (timeout: must be a positive number of seconds, got -1.5)",
                      http.request, { url = A, timeout = -1.5 })
                    bad("bad argument #1 to 'request' (timeout: expected a number of seconds, got string)",
                      http.request, { url = A, timeout = "5" })
                    bad("bad argument #1 to 'request' (redirect: expected \\"follow\\" or \\"manual\\", got 'error')",
                      http.request, { url = A, redirect = "error" })
                    bad("bad argument #1 to 'request' (unknown option 'header')", http.request, { url = A, header = {} })
                    bad("bad argument #2 to 'get' (unknown option 'method'; http.get takes the URL as argument #1 and always "
                      .. "sends GET, use http.request)", http.get, A, { method = "POST" })
                    bad("bad argument #2 to 'get' (table expected, got number)", http.get, A, 5)
                    """);
        }
        assertThat(server.received()).isEmpty();
        assertThat(module.started()).as("client built").isFalse();
    }
}
