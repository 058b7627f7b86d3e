package dev.hype.runtime.builtins;

import org.junit.jupiter.api.Test;

/**
 * {@code process.permissions.has(kind, resource)} on resources that cannot name anything: a path with a zero byte,
 * a URL without a host or that does not parse, a port that is not a number. Even unrestricted code gets false for
 * them, and a kind that needs a resource without one is a bad argument.
 */
class PermissionQueryTest {
    @Test
    void resourcesThatNameNothingAreNeverAllowed() {
        try (ModuleTester t = new ModuleTester()) {
            t.run("""
                    local has = process.permissions.has
                    assert(has("read", "some/file") == true)
                    assert(has("read", "a\\0b") == false)
                    assert(has("write", "a\\0b") == false)
                    assert(has("net", "https://example.org/x") == true)
                    assert(has("net", "http://example.org:8080/") == true)
                    assert(has("net", "example.org") == true)
                    assert(has("net", "example.org:8443") == true)
                    assert(has("net", "example.org:http") == false)
                    assert(has("net", "file:///etc/passwd") == false)
                    assert(has("net", "https://exa mple.org/") == false)
                    assert(has("run") == true and has("native") == true)
                    assert(has("env", "HOME") == true and has("java", "java.util.List") == true)
                    local ok, e = pcall(has, "env")
                    assert(not ok and e == "bad argument #2 to 'has' (string expected, got no value)", e)
                    ok, e = pcall(has, "load", "x")
                    assert(not ok and e:find("unknown permission kind 'load'", 1, true), e)
                    ok, e = pcall(process.chdir, "a\\0b")
                    assert(not ok and e:find("bad argument #1 to 'chdir' (invalid path: ", 1, true), e)
                    """);
        }
    }
}
