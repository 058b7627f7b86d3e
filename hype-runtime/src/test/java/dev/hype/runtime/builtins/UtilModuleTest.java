package dev.hype.runtime.builtins;

import org.junit.jupiter.api.Test;

class UtilModuleTest {
    private static final String ERR = """
            local function err(f, ...)
              local ok, e = pcall(f, ...)
              assert(not ok, "expected an error")
              return e
            end
            local function is(got, want) assert(got == want, "got: " .. tostring(got)) end
            """;

    private static void lua(String code) {
        try (ModuleTester t = new ModuleTester()) {
            t.run(ERR + code);
        }
    }

    @Test
    void inspectsScalars() {
        lua("""
                is(util.inspect(1), "1")
                is(util.inspect(1.5), "1.5")
                is(util.inspect(2.0), "2.0")
                is(util.inspect("a\\"b\\n\\0"), '"a\\\\"b\\\\n\\\\0"')
                is(util.inspect(nil), "nil")
                is(util.inspect(true), "true")
                is(util.inspect(print), "<function>")
                is(util.inspect(coroutine.create(print)), "<thread>")
                """);
    }

    @Test
    void inspectsTablesWithSortedKeysAndArraysAsArrays() {
        lua("""
                is(util.inspect({}), "{}")
                is(util.inspect({ 1, 2, "x" }), '{ 1, 2, "x" }')
                is(util.inspect({ b = 1, a = 2, [3] = true, ["with space"] = 0, [false] = 1 }),
                   '{ [3] = true, a = 2, b = 1, ["with space"] = 0, [false] = 1 }')
                is(util.inspect({ 1, 2, n = 2 }), "{ 1, 2, n = 2 }")
                is(util.inspect({ a = { b = { c = {} } } }), "{ a = { b = { c = {} } } }")
                is(util.inspect({ [{}] = 1 }), "{ [{}] = 1 }")
                is(util.inspect({ ["end"] = 1, _ok = 2 }), '{ _ok = 2, ["end"] = 1 }')
                """);
    }

    @Test
    void showsCyclesAndLimitsDepth() {
        lua("""
                local t = { name = "root" }
                t.self = t
                t.list = { t }
                is(util.inspect(t), '{ list = { <cycle> }, name = "root", self = <cycle> }')
                local shared = { 1 }
                is(util.inspect({ shared, shared }), "{ { 1 }, { 1 } }")
                local deep = { a = { b = { c = { d = 1 } } } }
                is(util.inspect(deep, { depth = 2 }), "{ a = { b = {...} } }")
                is(util.inspect(deep, { depth = 0 }), "{...}")
                is(util.inspect(setmetatable({}, { __tostring = function() return "custom" end })), "custom")
                """);
    }

    @Test
    void breaksLongTablesOverIndentedLines() {
        lua("""
                local t = { alpha = string.rep("a", 30), beta = string.rep("b", 30), gamma = { 1, 2 } }
                local want = table.concat({
                  "{",
                  '  alpha = "' .. string.rep("a", 30) .. '",',
                  '  beta = "' .. string.rep("b", 30) .. '",',
                  "  gamma = { 1, 2 }",
                  "}" }, "\\n")
                is(util.inspect(t), want)
                is(util.inspect(t, { indent = 4 }), (want:gsub("\\n  ", "\\n    ")))
                is(util.inspect(t, { indent = 0 }):find("\\n"), nil)
                is(util.inspect(t, { indent = "\\t" }), (want:gsub("\\n  ", "\\n\\t")))
                """);
    }

    @Test
    void rejectsBadInspectOptions() {
        lua("""
                is(err(util.inspect, 1, 5), "bad argument #2 to 'inspect' (table expected, got number)")
                is(err(util.inspect, 1, { depth = "x" }), "bad argument #2 to 'inspect' (depth as a number in a table expected, got string)")
                is(err(util.inspect, 1, { indent = true }), "bad argument #2 to 'inspect' (indent as a number or string in a table expected, got boolean)")
                """);
    }

    @Test
    void formatsLikeNode() {
        lua("""
                is(util.format("%s is %d years", "Bob", 42), "Bob is 42 years")
                is(util.format("%d %d %d", 42.5, "7", "x"), "42.5 7 NaN")
                is(util.format("%i %i %i", 42.9, -3.7, "12"), "42 -3 12")
                is(util.format("%f %f", 1, "2.5"), "1 2.5")
                is(util.format("%j", { a = { 1, 2 } }), '{"a":[1,2]}')
                is(util.format("%j", "x"), '"x"')
                local c = {}
                c.c = c
                is(util.format("%j", c), "[Circular]")
                is(util.format("100%%"), "100%")
                is(util.format("%s", { 1, 2 }), "{ 1, 2 }")
                is(util.format("%o", { a = 1 }), "{ a = 1 }")
                is(util.format("%O", { a = 1 }), "{ a = 1 }")
                is(util.format("%c%s", "color: red", "x"), "x")
                is(util.format("%s and %s", "one"), "one and %s")
                is(util.format("%s", "a", "b", 3, { 4 }), "a b 3 { 4 }")
                is(util.format("%x %s", "y"), "%x y")
                is(util.format(1, 2), "1 2")
                is(util.format("%s", nil), "nil")
                is(util.format("%d", math.huge), "Infinity")
                """);
    }

    @Test
    void comparesDeeply() {
        lua("""
                assert(util.deepEqual({ 1, { a = 2 } }, { 1, { a = 2 } }))
                assert(not util.deepEqual({ 1, { a = 2 } }, { 1, { a = 3 } }))
                assert(not util.deepEqual({ 1 }, { 1, 2 }))
                assert(not util.deepEqual({ 1, 2 }, { 1 }))
                assert(util.deepEqual(1, 1.0) and util.deepEqual("a", "a") and not util.deepEqual(1, "1"))
                assert(util.deepEqual(0/0, 0/0))
                assert(util.deepEqual({}, setmetatable({}, {})))
                local a, b = { x = 1 }, { x = 1 }
                a.self, b.self = a, b
                assert(util.deepEqual(a, b))
                b.x = 2
                assert(not util.deepEqual(a, b))
                """);
    }

    @Test
    void recognisesArrays() {
        lua("""
                assert(util.isArray({ 1, 2, 3 }) and util.isArray({}))
                assert(not util.isArray({ 1, 2, x = 3 }) and not util.isArray({ [2] = 1 }))
                assert(not util.isArray({ [1.5] = 1 }) and not util.isArray("abc") and not util.isArray(nil))
                assert(not util.isArray(json.object()) and util.isArray(json.array()))
                """);
    }

    @Test
    void buildsClassesAndInheritance() {
        lua("""
                local Animal = util.class()
                function Animal:init(name) self.name = name end
                function Animal:speak() return self.name .. " makes a sound" end
                local Dog = util.class(Animal)
                function Dog:speak() return self.name .. " barks; " .. Animal.speak(self) end
                local d = Dog("rex")
                is(d:speak(), "rex barks; rex makes a sound")
                local a = Animal:new("cat")
                is(a:speak(), "cat makes a sound")
                assert(Dog.super == Animal)
                assert(util.instanceOf(d, Dog) and util.instanceOf(d, Animal) and not util.instanceOf(a, Dog))
                assert(not util.instanceOf(5, Dog))

                local Base = { hello = function() return "hello" end }
                local Child = {}
                function Child:own() return "own" end
                util.inherits(Child, Base)
                local c = setmetatable({}, Child)
                is(c:hello(), "hello")
                is(c:own(), "own")
                assert(Child.super == Base)
                is(err(util.inherits, {}, 1), "bad argument #2 to 'inherits' (table expected, got number)")
                is(err(util.inherits, nil, {}), "bad argument #1 to 'inherits' (table expected, got nil)")
                is(err(util.class, "x"), "bad argument #1 to 'class' (table expected, got string)")
                """);
    }
}
