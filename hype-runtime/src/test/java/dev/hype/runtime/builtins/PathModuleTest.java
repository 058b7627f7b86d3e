package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathModuleTest {

    /** Replay every case of {@code path-cases.json}, Node's answers from scripts/gen-path-cases.js. */
    @Test
    void matchesNodeOnEveryRecordedCase() throws IOException {
        JsonNode table;
        try (InputStream in = PathModuleTest.class.getResourceAsStream("path-cases.json")) {
            table = new ObjectMapper().readTree(in);
        }
        StringBuilder lua = new StringBuilder("""
                local fails, n = {}, 0
                local function same(a, b)
                  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
                  for k, v in pairs(a) do if b[k] ~= v then return false end end
                  for k, v in pairs(b) do if a[k] ~= v then return false end end
                  return true
                end
                local function show(v)
                  if type(v) ~= "table" then return string.format("%q", v) end
                  local keys = {}
                  for k, x in pairs(v) do keys[#keys + 1] = k .. "=" .. string.format("%q", x) end
                  table.sort(keys)
                  return "{" .. table.concat(keys, ", ") .. "}"
                end
                local function case(flavour, fn, args, expected)
                  n = n + 1
                  local ok, got = pcall(path[flavour][fn], table.unpack(args, 1, args.n))
                  if not ok or not same(got, expected) then
                    local shown = {}
                    for i = 1, args.n do shown[i] = show(args[i]) end
                    fails[#fails + 1] = ("path.%s.%s(%s) = %s, node: %s"):format(flavour, fn,
                      table.concat(shown, ", "), ok and show(got) or ("error " .. tostring(got)), show(expected))
                  end
                end
                """);
        int cases = 0;
        for (JsonNode c : table.get("cases")) {
            StringBuilder args = new StringBuilder("table.pack(");
            for (int i = 0; i < c.get("args").size(); i++) {
                args.append(i == 0 ? "" : ", ").append(literal(c.get("args").get(i)));
            }
            args.append(")");
            lua.append("case(").append(literal(c.get("flavour"))).append(", ").append(literal(c.get("fn")))
                    .append(", ").append(args).append(", ").append(literal(c.get("ok"))).append(")\n");
            cases++;
        }
        lua.append("""
                assert(#fails == 0, #fails .. " of " .. n .. " cases differ from node:\\n" .. table.concat(fails, "\\n"))
                """);
        assertThat(cases).isGreaterThanOrEqualTo(100);
        try (ModuleTester t = new ModuleTester(Path.of(table.get("cwd").asText()))) {
            t.run(lua.toString());
        }
    }

    private static String literal(JsonNode node) {
        if (node.isTextual()) {
            StringBuilder s = new StringBuilder("\"");
            for (byte b : node.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                s.append('\\').append(b & 0xff);
            }
            return s.append('"').toString();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isObject()) {
            StringBuilder s = new StringBuilder("{");
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                s.append("[").append(literal(new com.fasterxml.jackson.databind.node.TextNode(e.getKey())))
                        .append("] = ").append(literal(e.getValue())).append(", ");
            }
            return s.append("}").toString();
        }
        throw new IllegalArgumentException("unexpected case value " + node);
    }

    @Test
    void exposesSeparatorsAndTheFlavours() {
        try (ModuleTester t = new ModuleTester()) {
            t.run("""
                    assert(path.sep == "/" and path.delimiter == ":")
                    assert(path.win32.sep == "\\\\" and path.win32.delimiter == ";")
                    assert(path.posix.win32 == path.win32 and path.win32.posix == path.posix)
                    assert(path.join == path.posix.join)
                    """);
        }
    }

    @Test
    void resolveUsesTheRuntimeWorkingDirectory() {
        try (ModuleTester t = new ModuleTester(Path.of("/srv/app"))) {
            t.run("""
                    assert(path.resolve("x") == "/srv/app/x", path.resolve("x"))
                    assert(path.resolve() == "/srv/app")
                    assert(path.relative("/srv", "lib") == "app/lib")
                    """);
        }
    }

    @Test
    void rejectsArgumentsOfTheWrongTypeInLuaStyle() {
        try (ModuleTester t = new ModuleTester()) {
            t.run("""
                    local function err(f, ...)
                      local ok, e = pcall(f, ...)
                      assert(not ok)
                      return e
                    end
                    assert(err(path.join, "a", 1) == "bad argument #2 to 'join' (string expected, got number)")
                    for _, fn in ipairs({"normalize", "dirname", "basename", "extname", "isAbsolute", "parse", "resolve"}) do
                      local e = err(path[fn], nil)
                      assert(e == "bad argument #1 to '" .. fn .. "' (string expected, got nil)", e)
                      e = err(path.win32[fn], {})
                      assert(e == "bad argument #1 to '" .. fn .. "' (string expected, got table)", e)
                    end
                    assert(err(path.basename, "a", 1) == "bad argument #2 to 'basename' (string expected, got number)")
                    assert(err(path.relative, "a") == "bad argument #2 to 'relative' (string expected, got nil)")
                    assert(err(path.format, "a") == "bad argument #1 to 'format' (table expected, got string)")
                    """);
            assertThat(t.error("path.join('a', false)"))
                    .isEqualTo("test:1: bad argument #2 to 'join' (string expected, got boolean)");
            assertThat(t.error("path.dirname()"))
                    .isEqualTo("test:1: bad argument #1 to 'dirname' (string expected, got nil)");
        }
    }
}
