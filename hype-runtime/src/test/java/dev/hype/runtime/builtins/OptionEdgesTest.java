package dev.hype.runtime.builtins;

import org.junit.jupiter.api.Test;

/**
 * {@code json} and {@code http} with odd numbers: float keys far from 1, and time-outs that are not a number or not finite, each named as Lua shows it.
 */
class OptionEdgesTest {
    @Test
    void jsonSpellsFloatKeysFarFromOneAsJavaDoes() {
        try (ModuleTester t = new ModuleTester()) {
            t.run("""
                    local text = json.encode({ [1e300] = "big", [1e-9] = "small", [2.5] = "plain" }, { sort_keys = true })
                    assert(text:find('"1.0E300":"big"', 1, true), text)
                    assert(text:find('"1.0E-9":"small"', 1, true), text)
                    assert(text:find('"2.5":"plain"', 1, true), text)
                    """);
        }
    }

    @Test
    void httpTimeoutsThatAreNotFinitePositiveNumbersAreShownAsLuaPrintsThem() {
        try (ModuleTester t = new ModuleTester()) {
            t.run("""
                    local function bad(expected, timeout)
                      local ok, e = pcall(http.request, { url = "http://127.0.0.1:9/", timeout = timeout })
                      assert(not ok and e == expected, e)
                    end
                    bad("bad argument #1 to 'request' (timeout: must be a positive number of seconds, got nan)", 0/0)
                    bad("bad argument #1 to 'request' (timeout: must be a positive number of seconds, got -inf)", -math.huge)
                    """);
        }
    }
}
