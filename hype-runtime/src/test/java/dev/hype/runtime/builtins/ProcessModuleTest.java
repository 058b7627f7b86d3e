package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessModuleTest {
    @TempDir
    Path dir;

    private static final String ERR = """
            local function err(f, ...)
              local ok, e = pcall(f, ...)
              assert(not ok, "expected an error")
              return e
            end
            """;

    @Test
    void laysOutArgvAsNodeDoes() {
        try (ModuleTester t = new ModuleTester()) {
            t.run("""
                    assert(#process.argv == 4, #process.argv)
                    assert(process.argv[1] == "hype" and process.argv[2] == "test.lua")
                    assert(process.argv[3] == "one" and process.argv[4] == "two words")
                    """, List.of("one", "two words"));
        }
    }

    @Test
    void exitsThroughOsExitSoPcallCannotSwallowIt() {
        try (ModuleTester t = new ModuleTester()) {
            assertThat(t.exitStatus("process.exit(3)")).isEqualTo(3);
            assertThat(t.exitStatus("pcall(process.exit, 4) error('not reached')")).isEqualTo(4);
            assertThat(t.exitStatus("process.exit()")).isZero();
            assertThat(t.exitStatus("process.exitCode = 5 process.exit()")).isEqualTo(5);
            assertThat(t.error("process.exit(1.5)")).contains("bad argument #1 to 'exit' (number has no integer representation)");
        }
    }

    @Test
    void changesTheWorkingDirectoryThatFsAndPathSee() throws IOException {
        Files.createDirectories(dir.resolve("sub/inner"));
        Files.writeString(dir.resolve("sub/inner/marker"), "here");
        try (ModuleTester t = new ModuleTester(dir)) {
            t.run(ERR + """
                    local start = process.cwd()
                    assert(start == "%s", start)
                    process.chdir("sub")
                    assert(process.cwd() == start .. "/sub")
                    assert(fs.existsSync("inner/marker"))
                    assert(fs.readFileSync("inner/marker") == "here")
                    assert(path.resolve("inner") == start .. "/sub/inner")
                    process.chdir("inner")
                    process.chdir("..")
                    assert(process.cwd() == start .. "/sub")
                    process.chdir(start)
                    assert(process.cwd() == start)
                    local e = err(process.chdir, "missing")
                    assert(e.code == "ENOENT" and tostring(e) == "ENOENT: no such file or directory, chdir 'missing'")
                    assert(err(process.chdir, "sub/inner/marker").code == "ENOTDIR")
                    assert(err(process.chdir) == "bad argument #1 to 'chdir' (string expected, got no value)")
                    assert(process.cwd() == start)
                    """.formatted(dir.toAbsolutePath()));
        }
    }

    @Test
    void readsAndSetsTheEnvironmentForOsGetenvAndChildren() {
        try (ModuleTester t = new ModuleTester()) {
            t.run(ERR + """
                    assert(process.env.PATH == os.getenv("PATH") and process.env.PATH ~= nil)
                    assert(process.env.HYPE_TEST_UNSET_VARIABLE == nil)
                    process.env.HYPE_TEST_VAR = "v1"
                    assert(process.env.HYPE_TEST_VAR == "v1" and os.getenv("HYPE_TEST_VAR") == "v1")
                    assert(os.execute('test "$HYPE_TEST_VAR" = v1'), "a child process sees the variable")
                    local seen = false
                    for k, v in pairs(process.env) do if k == "HYPE_TEST_VAR" then seen = v == "v1" end end
                    assert(seen, "pairs(process.env) lists the new variable")
                    process.env.HYPE_TEST_VAR = 42
                    assert(os.getenv("HYPE_TEST_VAR") == "42")
                    process.env.HYPE_TEST_VAR = nil
                    assert(process.env.HYPE_TEST_VAR == nil and os.getenv("HYPE_TEST_VAR") == nil)
                    local ok, e = pcall(function() process.env.X = {} end)
                    assert(not ok and e:find("must be a string, number, boolean or nil, not a table", 1, true), e)
                    ok, e = pcall(function() process.env["A=B"] = "x" end)
                    assert(not ok and e:find("invalid variable name A=B", 1, true), e)
                    assert(process.env[1] == nil)
                    """);
        }
    }

    @Test
    void describesThePlatformAndClock() {
        try (ModuleTester t = new ModuleTester()) {
            t.run("""
                    assert(process.platform == "%s", process.platform)
                    assert(process.pid == %d)
                    assert(process.arch == "x64" or process.arch == "arm64" or type(process.arch) == "string")
                    local a = process.hrtime()
                    local b = process.hrtime()
                    assert(math.type(a) == "integer" and b >= a)
                    assert(process.versions.lua == "5.4")
                    """.formatted(ProcessModule.platform(), ProcessHandle.current().pid()));
        }
    }

    @Test
    void writesThroughLuasStandardFiles() {
        try (ModuleTester t = new ModuleTester()) {
            t.run(ERR + """
                    local real_out, real_err = io.stdout, io.stderr
                    local out, errf = io.tmpfile(), io.tmpfile()
                    io.stdout, io.stderr = out, errf
                    local r = process.stdout:write("a", 1, "b")
                    process.stderr:write("oops"):write("!")
                    process.stdout:flush()
                    io.stdout, io.stderr = real_out, real_err
                    assert(r == process.stdout)
                    out:seek("set"); errf:seek("set")
                    assert(out:read("a") == "a1b")
                    assert(errf:read("a") == "oops!")
                    assert(err(process.stdout.write, process.stdout, {}) == "bad argument #1 to 'write' (string expected, got table)")
                    assert(process.stdout.fd == 1 and process.stderr.fd == 2 and process.stdin.fd == 0)
                    local input = io.tmpfile()
                    input:write("line one\\nrest")
                    input:seek("set")
                    local real_in = io.stdin
                    io.stdin = input
                    local first, rest = process.stdin:read("l"), process.stdin:read("a")
                    input:seek("set")
                    local lines = {}
                    for line in process.stdin:lines() do lines[#lines + 1] = line end
                    io.stdin = real_in
                    assert(first == "line one" and rest == "rest")
                    assert(#lines == 2 and lines[2] == "rest")
                    """);
        }
    }
}
