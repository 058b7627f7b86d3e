package dev.hype.runtime.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.builtins.WorkingDirectory;
import dev.hype.runtime.engine.EvalResult;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.modules.ModuleOptions;
import dev.hype.runtime.modules.ModuleSystem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malicious packages against the network and JVM grants: {@code evil} may reach 127.0.0.1 on the
 * approved server's port and use {@code java.util.*}; a second server, reached as {@code localhost},
 * holds the secret. Every attempt reports its outcome through {@code REPORT}.
 */
class NetworkAndJavaEscapeTest {
    private static final String SECRET = "net-secret-5e11";

    @TempDir
    Path temp;

    private HttpServer approved;
    private HttpServer secret;
    private final AtomicInteger secretHits = new AtomicInteger();

    @BeforeEach
    void startServers() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        secret = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        secret.createContext("/", exchange -> {
            secretHits.incrementAndGet();
            byte[] body = SECRET.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secret.start();
        approved = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        approved.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/to/")) {
                exchange.getResponseHeaders().add("Location", path.substring(4).replace("_", ":").replaceFirst(":", "://"));
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = "public".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        approved.start();
    }

    @AfterEach
    void stopServers() {
        approved.stop(0);
        secret.stop(0);
    }

    private int approvedPort() {
        return approved.getAddress().getPort();
    }

    private int secretPort() {
        return secret.getAddress().getPort();
    }

    /** Run evil's init.lua (which returns a list of attempts) and return each outcome line. */
    private List<String> attack(String evil) throws IOException {
        Path project = temp.toRealPath().resolve("project");
        Files.createDirectories(project.resolve("hype_modules/evil"));
        Files.writeString(project.resolve("hype_modules/evil/init.lua"), """
                local function try(f, ...)
                  local ok, err = pcall(f, ...)
                  if ok then return "ok " .. tostring(err) end
                  if type(err) == "table" and err.code then
                    return "denied " .. tostring(err.kind) .. " " .. tostring(err.operation) .. " " .. tostring(err.resource)
                  end
                  return "error " .. tostring(err)
                end
                """ + evil);
        Files.writeString(project.resolve("hype-lock.json"), """
                {"lockfileVersion": 1, "packages": {"evil": {"version": "1.0.0", "permissions": {
                  "network": {"domains": ["127.0.0.1"], "ports": [%d]}, "java": ["java.util.*"]}}}}
                """.formatted(approvedPort()));
        Files.writeString(project.resolve("app.lua"), "_G.REPORT = require('evil')\n");
        ModuleOptions options = ModuleOptions.defaults()
                .withWorkingDirectory(project)
                .withHypeHome(temp.resolve("hype-home"))
                .withBuiltins(BuiltinModules.standard(new WorkingDirectory(project)))
                .withRealms(new PackageRealms(Access.UNRESTRICTED, Anchors.of(project)));
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            int status = ModuleSystem.install(runtime, options).runMain(project.resolve("app.lua"), List.of());
            assertThat(status).isZero();
            EvalResult result = runtime.evaluate("return table.concat(REPORT, '\\n')");
            assertThat(result).isInstanceOf(EvalResult.Values.class);
            return ((EvalResult.Values) result).display().lines().toList();
        }
    }

    private String url(String host, int port) {
        return "http://" + host + ":" + port + "/";
    }

    @Test
    void theApprovedHostAnswersAndOthersAreRefusedBeforeAnyByteIsSent() throws IOException {
        int a = approvedPort();
        int s = secretPort();
        List<String> outcomes = attack("""
                local http = require("http")
                return {
                  try(function() return http.get("%s").body end),
                  try(function() return http.get("%s").body end),
                  try(function() return http.request{ url = "%s" }.body end),
                  try(function() return http.get("http://[::1]:%d/").body end),
                  try(function() return http.get("http://127.1:%d/").body end),
                  try(function() return http.get("http://127.0.0.1:%d/").body end),
                  try(function() return http.get("%s").body end),
                  try(function() return http.get("http://127.0.0.1@localhost:%d/").body end),
                  try(function() return require("process").permissions.has("net", "%s") end),
                  try(function() return require("process").permissions.has("net", "%s") end),
                }
                """.formatted(url("127.0.0.1", a), url("localhost", s), url("localhost", s), s, s, s,
                url("127.0.0.1", a) + "to/http_localhost_" + s + "/", s, url("127.0.0.1", a), url("localhost", s)));

        assertThat(outcomes).containsExactly(
                "ok public",
                "denied net http.get localhost:" + s,
                "denied net http.request localhost:" + s,
                "denied net http.get [::1]:" + s,
                outcomes.get(4).contains("invalid URL") ? outcomes.get(4) : "an invalid URL error for 127.1",
                "denied net http.get 127.0.0.1:" + s,
                "denied net http.get localhost:" + s,
                outcomes.get(7).startsWith("error ") ? outcomes.get(7) : "an error for a URL with user info",
                "ok true",
                "ok false");
        assertThat(secretHits).hasValue(0);
    }

    @Test
    void aRedirectToAnUnapprovedHostIsDeniedWithItsMessage() throws IOException {
        int s = secretPort();
        List<String> outcomes = attack("""
                local http = require("http")
                local ok, err = pcall(http.get, "%sto/http_localhost_%d/")
                return { tostring(err) }
                """.formatted(url("127.0.0.1", approvedPort()), s));

        assertThat(outcomes).containsExactly("PERMISSION_DENIED: package 'evil' may not connect to localhost:" + s
                + " (http.get); allow it with permissions.network.domains in evil's hype.json, then approve it with "
                + "'hype pkg install --allow-permissions'");
        assertThat(secretHits).hasValue(0);
    }

    @Test
    void javaPatternsGateClassesReflectionAndResults() throws IOException {
        List<String> outcomes = attack("""
                local java = require("hype:java")
                local List = java.import("java.util.ArrayList")
                local list = List()
                list:add("x")
                return {
                  try(function() return list:size() end),
                  try(function() return java.import("java.lang.Runtime") end),
                  try(function() return java.import("java.lang.System") end),
                  try(function() return list:getClass() end),
                  try(function() return java.import("java.lang.Class") end),
                  try(function() return java.import("java.io.File") end),
                  try(function() return java.import("java.util.prefs.Preferences") end),
                  try(function() return java.import("java.lang.reflect.Method") end),
                  try(function() return list:toArray() end),
                  try(function() return java.class(setmetatable({}, {})) end),
                  try(function() return require("process").permissions.has("java", "java.util.HashMap") end),
                  try(function() return require("process").permissions.has("java", "java.lang.Runtime") end),
                }
                """);

        assertThat(outcomes).containsExactly(
                "ok 1",
                "denied java java.import java.lang.Runtime",
                "denied java java.import java.lang.System",
                "denied java java.util.ArrayList.getClass java.lang.Class",
                "denied java java.import java.lang.Class",
                "denied java java.import java.io.File",
                "denied java java.import java.util.prefs.Preferences",
                "denied java java.import java.lang.reflect.Method",
                "denied java java.util.ArrayList.toArray java.lang.Object",
                outcomes.get(9),
                "ok true",
                "ok false");
        assertThat(outcomes.get(9)).startsWith("error ");
    }
}
