package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package security boundary through the real launcher and a real {@code hype registry serve} (issue 14): bins,
 * names, authoritative files, require's package boundary, untrusted text and the registry's checks. Each test
 * carries its attacks in two or more variants and asserts that nothing leaked, next to the honest path working.
 */
class SecurityBoundaryTest {
    /** A well-formed integrity string, so a lockfile is refused for its names and nothing else. */
    private static final String ZERO_SHA512 = "sha512-" + java.util.Base64.getEncoder().encodeToString(new byte[64]);

    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void runner() {
        hype = Hype.in(temp);
    }

    private Path root() {
        return hype.directory().getParent();
    }

    // Bins: run by name as their package, shown at approval, never shadowing a command.

    @Test
    void binsRunByNameAsTheirPackageAndNeverShadowACommand() throws IOException {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            String token = registry.token("alice");
            hype.cd("../tool");
            hype.write("hype.json", """
                    {"name": "tool", "version": "1.0.0", "bin": {"tool": "bin/tool.lua"},
                     "permissions": {"filesystem": {"write": ["$CWD/out/**"]}}}
                    """);
            hype.write("bin/tool.lua", "#!/usr/bin/env hype\n"
                    + "local f = assert(io.open('out/' .. arg[1], 'w')) f:write('tool ran') f:close()\n");
            // pack accepts the shebang the runtime accepts.
            hype.run("pkg", "publish", "--registry", registry.url(), "--token", token).assertSuccess();
            // A publisher's raw tarball: bins named like commands, a script that grabs what it can.
            HttpResponse<String> evil = RawPublisher.publish(registry.url(), token, """
                    {"name": "evil", "version": "1.0.0",
                     "bin": {"hype": "x.lua", "git": "x.lua", "sh": "x.lua", "ls": "x.lua", "evil-cmd": "x.lua"}}""",
                    Map.of("x.lua", "local f = io.open(os.getenv('HOME') .. '/pwned', 'w') f:write('pwned') f:close()\n"),
                    doc -> { });
            assertThat(evil.statusCode()).as(evil.body()).isEqualTo(201);

            hype.cd("../project");
            hype.write("hype.json", """
                    {"name": "app", "version": "1.0.0", "scripts": {
                      "build": "hype app.lua && tool made.txt && ls hype.json > listed.txt && sh -c 'echo sh-ok' > sh.txt",
                      "evil": "evil-cmd"}}
                    """);
            hype.write("app.lua", "print('the real hype ran app.lua')\n");
            hype.write("out/.keep", "");
            Result refused = hype.run("pkg", "install", "tool", "evil", "--registry", registry.url());
            refused.assertExit(1);
            assertThat(refused.stderr()).contains("tool@1.0.0 (new)", "write files: $CWD/out/**",
                    "provides commands (hype_modules/.bin, run as tool with these permissions): tool");
            Result installed = hype.run("pkg", "install", "tool", "evil", "--registry", registry.url(),
                    "--allow-permissions").assertSuccess();
            assertThat(installed.stderr())
                    .contains("provides commands (hype_modules/.bin, run as tool with these permissions): tool")
                    .contains("warning: bin 'hype' of evil is not linked: 'hype' is reserved")
                    .contains("warning: bin 'git' of evil is not linked: it would shadow")
                    .contains("warning: bin 'sh' of evil is not linked: it would shadow")
                    .contains("evil@1.0.0 provides the command evil-cmd");
            try (Stream<Path> bin = Files.list(hype.directory().resolve("hype_modules/.bin"))) {
                assertThat(bin.map(p -> p.getFileName().toString()).sorted()).containsExactly("evil-cmd", "tool");
            }

            Result build = hype.run("pkg", "run", "build").assertSuccess();
            assertThat(build.stdout()).contains("the real hype ran app.lua");
            assertThat(hype.read("out/made.txt")).isEqualTo("tool ran");
            assertThat(hype.read("listed.txt")).isEqualTo("hype.json\n");
            assertThat(hype.read("sh.txt")).isEqualTo("sh-ok\n");

            // Every way to run evil's code runs it as evil, with nothing approved.
            Result byScript = hype.run("pkg", "run", "evil");
            assertThat(byScript.exitCode()).isNotZero();
            assertThat(byScript.stderr()).contains("PERMISSION_DENIED: package 'evil' may not read");
            Result byExec = hype.run("pkg", "exec", "git");
            byExec.assertExit(1);
            assertThat(byExec.stderr()).contains("PERMISSION_DENIED: package 'evil'");
            assertThat(hype.home().resolve("pwned")).doesNotExist();

            // The launcher in .bin runs by name from a shell, as npm's bins do, with its package's approval.
            hype.env("PATH", hype.directory().resolve("hype_modules/.bin") + ":" + System.getenv("PATH"));
            hype.env("HYPE_LAUNCHER", Hype.launcher().toString());
            hype.runProgram("sh", "-c", "tool direct.txt").assertSuccess();
            assertThat(hype.read("out/direct.txt")).isEqualTo("tool ran");
            Result outside = hype.runProgram("sh", "-c", "tool ../../escaped.txt");
            assertThat(outside.exitCode()).isNotZero();
            assertThat(outside.stderr()).contains("PERMISSION_DENIED: package 'tool' may not write");
            assertThat(root().resolve("escaped.txt")).doesNotExist();
            hype.run("pkg", "exec", "tool", "exec.txt").assertSuccess();
            assertThat(hype.read("out/exec.txt")).isEqualTo("tool ran");
        }
    }

    // Names: every source, validated before it becomes a path.

    @Test
    void namesThatWouldLeaveHypeModulesAreRefusedFromEverySource() throws IOException {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            String token = registry.token("alice");
            for (String bad : List.of("../../x", "@x/../../../e", ".bin")) {
                HttpResponse<String> published = RawPublisher.publish(registry.url(), token,
                        "{\"name\": \"dep-" + Math.abs(bad.hashCode()) + "\", \"version\": \"1.0.0\"}", Map.of(),
                        doc -> doc.putObject("dependencies").put(bad, "1.0.0"));
                // The registry itself refuses a document that does not match its tarball.
                assertThat(published.statusCode()).as(published.body()).isEqualTo(400);
            }
            hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
            for (String bad : List.of("../../x", "@x/../../../e", "./tool", "a/b/c", ".bin")) {
                Result cli = hype.run("pkg", "install", bad, "--registry", registry.url());
                cli.assertExit(1);
                assertThat(cli.stderr()).contains("argument '" + bad + "': invalid package name");
            }
            hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"x\": \"1.0.0\"}}");
            for (String bad : List.of("../../x", "@x/../../../e", ".bin")) {
                hype.write("hype-lock.json", """
                        {"lockfileVersion": 1, "root": {"dependencies": {"x": "1.0.0"}}, "packages": {
                          "x": {"version": "1.0.0", "resolved": "%sx/-/x-1.0.0.tgz", "integrity": "%s",
                                "dependencies": {"%s": "1.0.0"}},
                          "%s": {"version": "1.0.0", "resolved": "%sx/-/x-1.0.0.tgz", "integrity": "%s"}}}
                        """.formatted(registry.url(), ZERO_SHA512, bad, bad, registry.url(), ZERO_SHA512));
                Result lock = hype.run("pkg", "install", "--registry", registry.url());
                lock.assertExit(1);
                assertThat(lock.stderr()).contains("hype-lock.json").contains("invalid package name");
            }
        }
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("x", "e", "tool");
        }
        assertThat(hype.directory().resolve("hype_modules")).doesNotExist();
    }

    // Authoritative files: only the project root's lockfile and config; no grant covers them.

    @Test
    void sandboxedCodeCannotPlantPackagesApprovalsOrConfig() {
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        hype.write("app.lua", """
                local function try(what, f) local ok, e = pcall(f) print(what, ok and 'written' or tostring(e)) end
                local function write(path) return function()
                  require('fs').mkdirSync(path:match('^(.*)/[^/]*$'), { recursive = true })
                  local f = assert(io.open(path, 'w')) f:write('{}') f:close() end end
                try('lock', write('out/hype-lock.json'))
                try('module', write('out/hype_modules/x/init.lua'))
                try('config', write('out/.hyperc.json'))
                try('own-lock', write('hype-lock.json'))
                try('ok', write('out/ok.txt'))
                """);
        for (String flag : List.of("--allow-write=out", "--allow-write=")) {
            Result run = hype.run("--sandbox", flag, "app.lua").assertSuccess();
            assertThat(run.stdout()).contains("lock\tPERMISSION_DENIED: the project may not write")
                    .contains("module\tPERMISSION_DENIED").contains("config\tPERMISSION_DENIED")
                    .contains("no permission covers writing it").contains("ok\twritten");
            assertThat(hype.directory().resolve("out/hype-lock.json")).doesNotExist();
            assertThat(hype.directory().resolve("out/hype_modules")).doesNotExist();
            assertThat(hype.directory().resolve("out/.hyperc.json")).doesNotExist();
        }
        assertThat(hype.directory().resolve("hype-lock.json")).doesNotExist();
    }

    @Test
    void aPackageAboveTheProjectRootGetsNoApprovalAndNoGrantReachesThem() throws IOException {
        // The project lives under $TMP; a package approved to write $TMP/** tries to plant above it, and a package
        // someone planted there already, with a lockfile approving it everything, is required by name.
        hype.env("TMPDIR", root().toString());
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        hype.write("hype-lock.json", """
                {"lockfileVersion": 1, "packages": {"planter": {"version": "1.0.0",
                  "permissions": {"filesystem": {"write": ["$TMP/**"]}}}}}
                """);
        hype.write("hype_modules/planter/init.lua", """
                local out = {}
                for _, path in ipairs({ '%1$s/hype-lock.json', '%1$s/hype_modules/y/init.lua' }) do
                  local ok, e = pcall(function() require('fs').mkdirSync(path:match('^(.*)/[^/]*$'), { recursive = true })
                    local f = assert(io.open(path, 'w')) f:write('return 1') f:close() end)
                  out[#out + 1] = ok and 'planted ' .. path or tostring(e)
                end
                local ok, above = pcall(require, 'above')
                out[#out + 1] = ok and select(2, pcall(above.read, '%2$s')) or tostring(above)
                return out
                """.formatted(root(), hype.home().resolve("secret.txt")));
        Files.writeString(hype.home().resolve("secret.txt"), "home-secret");
        Files.createDirectories(root().resolve("hype_modules/above"));
        Files.writeString(root().resolve("hype_modules/above/init.lua"),
                "return { read = function(p) return io.open(p):read('a') end }\n");
        Files.writeString(root().resolve("hype-lock.json"), """
                {"lockfileVersion": 1, "packages": {"above": {"version": "1.0.0",
                  "permissions": {"filesystem": {"read": ["/"], "write": ["/"]}, "process": true}}}}
                """);
        hype.write("app.lua", "for _, line in ipairs(require('planter')) do print(line) end\n");
        Result run = hype.run("app.lua").assertSuccess();
        assertThat(run.stdout()).doesNotContain("planted").doesNotContain("home-secret")
                .contains("PERMISSION_DENIED: package 'planter' may not write " + root().resolve("hype-lock.json"))
                .contains("PERMISSION_DENIED: package 'planter' may not write")
                .contains("PERMISSION_DENIED: package 'above' may not read")
                .contains("only " + hype.directory().resolve("hype-lock.json") + " approves packages");
        assertThat(root().resolve("hype_modules/y")).doesNotExist();
    }

    @Test
    void aConfigInAParentFolderNeverChoosesTheRegistry() {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            String token = registry.token("alice");
            hype.cd("../lib");
            hype.write("hype.json", "{\"name\": \"lib\", \"version\": \"1.0.0\"}");
            hype.write("index.lua", "return 'the real lib'\n");
            hype.run("pkg", "publish", "--registry", registry.url(), "--token", token).assertSuccess();
            // The user's config names the real registry; a .hyperc.json above the project names another.
            hype.write(hype.hypeHome().resolve("config.json").toString(), "{\"registry\": \"" + registry.url() + "\"}");
            hype.write(root().resolve(".hyperc.json").toString(),
                    "{\"registry\": \"http://127.0.0.1:9/\", \"scopes\": {\"@acme\": \"http://127.0.0.1:9/\"}}");
            hype.cd("../project");
            hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
            hype.run("pkg", "install", "lib").assertSuccess();
            hype.write("app.lua", "print((require('lib')))\n"); // require also returns the file, as lua5.4's does
            assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("the real lib\n");
            assertThat(hype.run("pkg", "info", "lib").assertSuccess().stdout()).contains(registry.url());
        }
    }

    // require: a bare id stays inside the package it names; imports may name packages.

    @Test
    void requireStaysInsideThePackageItNamesAndImportsMayNamePackages() {
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        hype.write("hype-lock.json", """
                {"lockfileVersion": 1, "packages": {"good": {"version": "1.0.0",
                  "permissions": {"filesystem": {"read": ["$HOME/**"]}}}}}
                """);
        hype.write("hype_modules/good/hype.json", "{\"name\": \"good\", \"exports\": {\".\": \"./index.lua\"}}");
        hype.write("hype_modules/good/index.lua", "return { name = 'good' }\n");
        hype.write("hype_modules/good/internal.lua", "return { read = function(p) return io.open(p):read('a') end }\n");
        hype.write("hype_modules/plain/index.lua", """
                local out = {}
                for _, id in ipairs({ 'plain/../good/internal', 'good/../good/internal', 'plain/%2e%2e/good/internal',
                                      'good/internal', 'sneaky' }) do
                  local ok, m = pcall(require, id)
                  out[#out + 1] = id .. ' -> ' .. (ok and 'LOADED' or (type(m) == 'table' and m.code or tostring(m)))
                end
                return out
                """);
        hype.write("hype_modules/sneaky/hype.json", "{\"name\": \"sneaky\", \"main\": \"../good/internal.lua\"}");
        hype.write("hype_modules/uses-json/hype.json",
                "{\"name\": \"uses-json\", \"imports\": {\"#json\": \"rxi-json\"}}");
        hype.write("hype_modules/uses-json/index.lua", "return require('#json').encode({ 1, 2 })\n");
        hype.write("hype_modules/rxi-json/index.lua", "return { encode = function(t) return '[1,2]' end }\n");
        hype.write("app.lua", """
                for _, line in ipairs(require('plain')) do print(line) end
                print('imports: ' .. require('uses-json'))
                """);
        Result run = hype.run("app.lua").assertSuccess();
        assertThat(run.stdout()).doesNotContain("LOADED")
                .contains("plain/../good/internal -> ERR_INVALID_MODULE_SPECIFIER")
                .contains("good/../good/internal -> ERR_INVALID_MODULE_SPECIFIER")
                .contains("plain/%2e%2e/good/internal -> ERR_INVALID_MODULE_SPECIFIER")
                .contains("good/internal -> ERR_PACKAGE_PATH_NOT_EXPORTED")
                .contains("sneaky -> ERR_INVALID_PACKAGE_CONFIG")
                .contains("imports: [1,2]");
    }

    // The registry: what publishers claim, who may publish, tokens.

    @Test
    void theRegistryChecksClaimsScopesOwnersAndKeepsTokensOutOfItsLog() {
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        RunningHype served = hype.start("registry", "serve", "--port", "0", "--storage",
                temp.resolve("registry").toString());
        String line = served.awaitStderr(l -> l.startsWith("hype registry listening on "));
        String address = line.substring("hype registry listening on ".length());
        String url = address.substring(0, address.indexOf(' '));
        String storage = temp.resolve("registry").toString();
        String alice = hype.run("registry", "token", "create", "alice", "--storage", storage).assertSuccess()
                .stdout().strip();
        String mallory = hype.run("registry", "token", "create", "mallory", "--storage", storage).assertSuccess()
                .stdout().strip();

        // A document that shows fewer permissions, or other bins, than the tarball holds is refused.
        String manifest = "{\"name\": \"claims\", \"version\": \"1.0.0\", \"permissions\": {\"process\": true},"
                + " \"bin\": {\"claims\": \"x.lua\"}}";
        HttpResponse<String> hidden = RawPublisher.publish(url, alice, manifest, Map.of("x.lua", "return 1"),
                doc -> doc.remove("permissions"));
        assertThat(hidden.statusCode()).isEqualTo(400);
        assertThat(hidden.body()).contains("permissions does not match the hype.json in tarball");
        HttpResponse<String> renamed = RawPublisher.publish(url, alice, manifest, Map.of("x.lua", "return 1"),
                doc -> doc.putObject("bin").put("innocent", "x.lua"));
        assertThat(renamed.statusCode()).isEqualTo(400);
        // A gzip stream that goes on inflating after the tar's end (256 MiB of zeros in well under 1 MiB).
        HttpResponse<String> bomb = RawPublisher.publish(url, alice, manifest, Map.of("x.lua", "return 1"), doc -> { },
                256L << 20);
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(bomb.body()).contains("inflates to more data than its entries hold");
        assertThat(RawPublisher.publish(url, alice, manifest, Map.of("x.lua", "return 1"), doc -> { })
                .statusCode()).isEqualTo(201);

        // A scope belongs to its first publisher; owners decide who else publishes.
        hype.cd("../core");
        hype.write("hype.json", "{\"name\": \"@acme/core\", \"version\": \"1.0.0\"}");
        hype.run("pkg", "publish", "--registry", url, "--token", alice).assertSuccess();
        hype.cd("../intruder");
        hype.write("hype.json", "{\"name\": \"@acme/new\", \"version\": \"1.0.0\"}");
        Result intrusion = hype.run("pkg", "publish", "--registry", url, "--token", mallory);
        intrusion.assertExit(1);
        assertThat(intrusion.stderr()).contains("HTTP 403");
        Result takeover = hype.run("pkg", "owner", "add", "mallory", "@acme/core", "--registry", url, "--token", mallory);
        takeover.assertExit(1);
        hype.run("pkg", "owner", "add", "mallory", "@acme/core", "--registry", url, "--token", alice).assertSuccess();
        assertThat(hype.run("pkg", "owner", "ls", "@acme/core", "--registry", url).assertSuccess().stdout())
                .isEqualTo("alice\nmallory\n");
        hype.run("registry", "scope", "add", "@acme", "mallory", "--storage", storage).assertSuccess();
        hype.run("pkg", "publish", "--registry", url, "--token", mallory).assertSuccess();

        // The 401 hint names ways that exist; tokens are listed by id and revoked.
        Result anonymous = hype.run("pkg", "publish", "--registry", url);
        anonymous.assertExit(1);
        assertThat(anonymous.stderr()).contains("HYPE_TOKEN").doesNotContain("hype registry login");
        String list = hype.run("registry", "token", "list", "--storage", storage).assertSuccess().stdout();
        assertThat(list).contains("alice").contains("mallory").doesNotContain(alice).doesNotContain(mallory);
        String id = list.lines().filter(l -> l.contains("mallory")).findFirst().orElseThrow().substring(0, 12);
        assertThat(RawPublisher.send(url, "DELETE", "/-/user/token/" + alice, alice).statusCode()).isEqualTo(200);
        hype.run("registry", "token", "revoke", id, "--storage", storage).assertSuccess();
        assertThat(RawPublisher.send(url, "GET", "/-/whoami", mallory).statusCode()).isEqualTo(401);
        Result log = served.stop();
        assertThat(log.stdout()).contains("/-/user/token/[redacted]").doesNotContain(alice).doesNotContain(mallory);
    }

    // Untrusted text reaches the terminal escaped.

    @Test
    void aPublishersControlCharactersAreShownEscaped() {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            hype.cd("../sneaky");
            hype.write("hype.json", """
                    {"name": "sneaky", "version": "1.0.0", "description": "tidy\\u001b[2K\\r",
                     "permissions": {"filesystem": {"read": ["data/**\\u001b[1A\\u001b[2K", "$HOME/**"]}}}
                    """);
            hype.run("pkg", "publish", "--registry", registry.url(), "--token", registry.token("alice")).assertSuccess();
            hype.cd("../project");
            hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
            Result info = hype.run("pkg", "info", "sneaky", "--registry", registry.url()).assertSuccess();
            assertThat(info.stdout()).doesNotContain("\u001b").contains("tidy\\e[2K\\r")
                    .contains("read files: data/**\\e[1A\\e[2K, $HOME/**");
            Result install = hype.run("pkg", "install", "sneaky", "--registry", registry.url());
            install.assertExit(1);
            assertThat(install.stderr()).doesNotContain("\u001b").contains("data/**\\e[1A\\e[2K, $HOME/**");
        }
    }
}
