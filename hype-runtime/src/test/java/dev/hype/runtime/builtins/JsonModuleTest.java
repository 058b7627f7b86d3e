package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonModuleTest {
    private static final String ERR = """
            local function err(f, ...)
              local ok, e = pcall(f, ...)
              assert(not ok, "expected an error")
              return e
            end
            """;

    private static void lua(String code) {
        try (ModuleTester t = new ModuleTester()) {
            t.run(ERR + code);
        }
    }

    @Test
    void encodesScalarsKeepingIntegersAndFloatsApart() {
        lua("""
                assert(json.encode(1) == "1")
                assert(json.encode(1.0) == "1.0", json.encode(1.0))
                assert(json.encode(-2.5) == "-2.5")
                assert(json.encode(math.maxinteger) == "9223372036854775807")
                assert(json.encode(true) == "true" and json.encode(false) == "false")
                assert(json.encode(nil) == "null" and json.encode(json.null) == "null")
                local ok, err = pcall(json.encode)
                assert(not ok and err:find("bad argument #1 to 'encode' %(value expected%)"), err)
                assert(json.encode("a\\"b\\\\c\\n\\1") == '"a\\\\"b\\\\\\\\c\\\\n\\\\u0001"', json.encode("a\\"b\\\\c\\n\\1"))
                assert(json.encode("héllo ✓") == '"héllo ✓"')
                """);
    }

    @Test
    void encodesArraysObjectsAndEmptyTables() {
        lua("""
                assert(json.encode({ 1, 2, 3 }) == "[1,2,3]")
                assert(json.encode({}) == "[]")
                assert(json.encode(json.array()) == "[]")
                assert(json.encode(json.object()) == "{}")
                assert(json.encode({ a = json.object(), b = json.array({}) }, { sort_keys = true }) == '{"a":{},"b":[]}')
                assert(json.encode({ a = 1 }) == '{"a":1}')
                assert(json.encode({ [1] = "x", [3] = "z" }, { sort_keys = true }) == '{"1":"x","3":"z"}')
                assert(json.encode({ 1, 2, n = 2 }, { sort_keys = true }) == '{"1":1,"2":2,"n":2}')
                assert(json.encode({ [1.5] = true }) == '{"1.5":true}')
                assert(json.encode({ [0.1] = 1 }) == '{"0.1":1}', json.encode({ [0.1] = 1 }))
                assert(json.encode(json.object({ 10, 20 })) == '{"1":10,"2":20}')
                assert(json.encode({ json.null, 1 }) == "[null,1]")
                """);
    }

    @Test
    void sortsKeysAndIndentsOnRequest() {
        lua("""
                local v = { zeta = 1, alpha = { 1, 2 }, mid = { x = true }, empty = {} }
                local s = json.encode(v, { sort_keys = true })
                assert(s == '{"alpha":[1,2],"empty":[],"mid":{"x":true},"zeta":1}', s)
                local pretty = json.encode(v, { sort_keys = true, indent = 2 })
                local expected = table.concat({
                  '{',
                  '  "alpha": [',
                  '    1,',
                  '    2',
                  '  ],',
                  '  "empty": [],',
                  '  "mid": {',
                  '    "x": true',
                  '  },',
                  '  "zeta": 1',
                  '}' }, "\\n")
                assert(pretty == expected, pretty)
                assert(json.encode({ 1 }, { indent = "\\t" }) == "[\\n\\t1\\n]")
                assert(json.encode({ 1 }, { indent = 0 }) == "[1]")
                """);
    }

    @Test
    void refusesWhatJsonCannotHold() {
        lua("""
                local e = err(json.encode, { a = { 1, print } })
                assert(e == "json.encode: cannot encode a function value at $.a[2]", e)
                local t = {}
                t.self = t
                assert(err(json.encode, t) == "json.encode: circular reference at $.self")
                assert(err(json.encode, 0/0) == "json.encode: cannot encode NaN (JSON has no such number) at $")
                assert(err(json.encode, math.huge):find("cannot encode inf", 1, true))
                assert(err(json.encode, { [true] = 1 }) == "json.encode: cannot encode a table key of type boolean at $")
                e = err(json.encode, { name = "ab\\xffcd" })
                assert(e == "json.encode: string is not valid UTF-8 (invalid byte 0xff at position 3) at $.name", e)
                e = err(json.encode, { ["k\\xc3"] = 1 })
                assert(e:find("key is not valid UTF-8 (invalid byte 0xc3 at position 2)", 1, true), e)
                assert(err(json.encode, json.array({ x = 1 })):find("marked with json.array()", 1, true))
                assert(err(json.encode, 1, 2) == "bad argument #2 to 'encode' (table expected, got number)")
                assert(err(json.encode, 1, { indent = -1 }):find("bad argument #2 to 'encode' (indent must be", 1, true))
                assert(err(json.encode, 1, { indent = true }):find("bad argument #2 to 'encode'", 1, true))
                -- a shared (not circular) table is fine
                local shared = { 1 }
                assert(json.encode({ shared, shared }) == "[[1],[1]]")
                """);
    }

    @Test
    void decodesEveryKindOfValue() {
        lua("""
                local v = json.decode('{"a": [1, 2.0, -3e2, "x"], "b": {"c": null}, "t": true, "f": false, "big": 123456789012345678901}')
                assert(v.a[1] == 1 and math.type(v.a[1]) == "integer")
                assert(v.a[2] == 2.0 and math.type(v.a[2]) == "float")
                assert(v.a[3] == -300.0 and v.a[4] == "x")
                assert(v.b.c == json.null and json.isNull(v.b.c))
                assert(v.t == true and v.f == false)
                assert(math.type(v.big) == "float")
                assert(json.decode('"\\\\u00e9\\\\ud83d\\\\ude00"') == "é😀")
                assert(json.decode("42") == 42 and json.decode("null") == json.null)
                assert(json.decode('{"😀": 1}')["😀"] == 1)
                assert(json.decode('{"a\\\\u0000b": 1}')["a\\0b"] == 1)
                """);
    }

    @Test
    void roundTripsEmptyContainersAndNumbers() {
        lua("""
                local text = '{"arr":[],"f":1.0,"i":1,"obj":{}}'
                assert(json.encode(json.decode(text), { sort_keys = true }) == text)
                local deep = string.rep("[", 200) .. string.rep("]", 200)
                assert(json.encode(json.decode(deep)) == deep)
                local too_deep = string.rep("[", 1001) .. string.rep("]", 1001)
                local ok, e = pcall(json.decode, too_deep)
                assert(not ok and e:find("nesting depth", 1, true) and e:find("line 1", 1, true), e)
                local nested = {}
                for _ = 1, 1001 do nested = { nested } end
                ok, e = pcall(json.encode, nested)
                assert(not ok and e:find("nesting deeper than 1000", 1, true), e)
                """);
    }

    @Test
    void reportsSyntaxErrorsWithLineAndColumn() {
        lua("""
                local e = err(json.decode, '{\\n  "a": 1,\\n  "b": }')
                assert(e:find("^json.decode: Unexpected character"), e)
                assert(e:find("at line 3, column 8", 1, true), e)
                e = err(json.decode, '[1, 2')
                assert(e:find("Unexpected end-of-input", 1, true) and e:find("line 1", 1, true), e)
                e = err(json.decode, '[1] [2]')
                assert(e == "json.decode: unexpected content after the JSON value at line 1, column 5", e)
                e = err(json.decode, '')
                assert(e:find("no JSON value", 1, true), e)
                e = err(json.decode, '"\\xff"')
                assert(e:find("Invalid UTF-8", 1, true) and e:find("line 1", 1, true), e)
                assert(err(json.decode, "NaN"):find("json.decode:", 1, true))
                assert(err(json.decode) == "bad argument #1 to 'decode' (string expected, got nil)")
                assert(err(json.decode, {}) == "bad argument #1 to 'decode' (string expected, got table)")
                assert(err(json.array, 5) == "bad argument #1 to 'array' (table expected, got number)")
                assert(err(json.object, "x") == "bad argument #1 to 'object' (table expected, got string)")
                assert(not pcall(function() json.null.x = 1 end))
                assert(tostring(json.null) == "null")
                """);
        try (ModuleTester t = new ModuleTester()) {
            assertThat(t.error("json.decode('{')")).startsWith("test:1: json.decode: Unexpected end-of-input");
        }
    }
}
