package dev.hype.runtime.builtins;

import org.junit.jupiter.api.Test;

class TableModuleTest {
    private static final String ERR = """
            local T = xtable
            local function err(f, ...)
              local ok, e = pcall(f, ...)
              assert(not ok, "expected an error")
              return e
            end
            local function is(got, want) assert(got == want, "got: " .. tostring(got)) end
            local function list(t) return table.concat(t, ",") end
            """;

    private static void lua(String code) {
        try (ModuleTester t = new ModuleTester()) {
            t.run(ERR + code);
        }
    }

    @Test
    void extendsACopyOfTheStandardLibraryAndLeavesTheGlobalAlone() {
        lua("""
                assert(T ~= table)
                for _, name in ipairs({ "concat", "insert", "move", "pack", "remove", "sort", "unpack" }) do
                  assert(T[name] == table[name], name)
                end
                for _, name in ipairs({ "map", "filter", "reduce", "find", "keys", "values", "merge", "deepCopy",
                                        "slice", "contains", "isEmpty", "count" }) do
                  assert(type(T[name]) == "function", name)
                  assert(table[name] == nil, "global table untouched: " .. name)
                end
                local t = { 3, 1, 2 }
                T.sort(t)
                is(T.concat(t, ","), "1,2,3")
                """);
    }

    @Test
    void mapsFiltersReducesAndFinds() {
        lua("""
                is(list(T.map({ 1, 2, 3 }, function(v, i) return v * 10 + i end)), "11,22,33")
                is(list(T.filter({ 1, 2, 3, 4 }, function(v) return v % 2 == 0 end)), "2,4")
                is(T.reduce({ 1, 2, 3 }, function(a, v) return a + v end), 6)
                is(T.reduce({ 1, 2, 3 }, function(a, v) return a .. v end, ""), "123")
                is(T.reduce({}, function() end, 5), 5)
                local v, i = T.find({ 5, 6, 7 }, function(x) return x > 5 end)
                assert(v == 6 and i == 2)
                is(T.find({ 1 }, function() return false end), nil)
                is(#T.map({}, print), 0)
                is(err(T.map, nil, print), "bad argument #1 to 'map' (table expected, got nil)")
                is(err(T.map, {}, 1), "bad argument #2 to 'map' (function expected, got number)")
                is(err(T.filter, "x", print), "bad argument #1 to 'filter' (table expected, got string)")
                is(err(T.filter, {}), "bad argument #2 to 'filter' (function expected, got nil)")
                is(err(T.reduce, {}, function() end), "bad argument #1 to 'reduce' (empty table and no initial value)")
                is(err(T.reduce, {}, {}), "bad argument #2 to 'reduce' (function expected, got table)")
                is(err(T.find, 1, print), "bad argument #1 to 'find' (table expected, got number)")
                is(err(T.find, {}, nil), "bad argument #2 to 'find' (function expected, got nil)")
                """);
    }

    @Test
    void listsKeysAndValuesInOrder() {
        lua("""
                local t = { b = 2, a = 1, [2] = "two", [1] = "one" }
                is(list(T.keys(t)), "1,2,a,b")
                is(list(T.values(t)), "one,two,1,2")
                is(#T.keys({}), 0)
                is(err(T.keys), "bad argument #1 to 'keys' (table expected, got nil)")
                is(err(T.values, 3), "bad argument #1 to 'values' (table expected, got number)")
                """);
    }

    @Test
    void mergesShallowly() {
        lua("""
                local inner = {}
                local m = T.merge({ a = 1, b = 1 }, nil, { b = 2, c = inner })
                assert(m.a == 1 and m.b == 2 and m.c == inner)
                assert(next(T.merge()) == nil)
                is(err(T.merge, {}, 5), "bad argument #2 to 'merge' (table expected, got number)")
                """);
    }

    @Test
    void deepCopiesWithCyclesAndSharing() {
        lua("""
                local shared = { 1 }
                local mt = { __index = { kind = "thing" } }
                local t = setmetatable({ a = shared, b = shared, n = { deep = { 1, 2 } } }, mt)
                t.self = t
                local c = T.deepCopy(t)
                assert(c ~= t and c.self == c, "the cycle points at the copy")
                assert(c.a ~= shared and c.a == c.b, "shared stays shared")
                assert(c.n.deep[2] == 2 and c.n.deep ~= t.n.deep)
                assert(getmetatable(c) == mt and c.kind == "thing")
                is(T.deepCopy(5), 5)
                is(T.deepCopy("s"), "s")
                """);
    }

    @Test
    void slicesLikeStringSub() {
        lua("""
                local t = { 1, 2, 3, 4, 5 }
                is(list(T.slice(t, 2, 4)), "2,3,4")
                is(list(T.slice(t, 3)), "3,4,5")
                is(list(T.slice(t)), "1,2,3,4,5")
                is(list(T.slice(t, -2)), "4,5")
                is(list(T.slice(t, 1, -2)), "1,2,3,4")
                is(list(T.slice(t, 4, 2)), "")
                is(list(T.slice(t, -10, 10)), "1,2,3,4,5")
                is(err(T.slice, nil), "bad argument #1 to 'slice' (table expected, got nil)")
                is(err(T.slice, t, "a"), "bad argument #2 to 'slice' (number expected, got string)")
                is(err(T.slice, t, 1, {}), "bad argument #3 to 'slice' (number expected, got table)")
                """);
    }

    @Test
    void answersMembershipEmptinessAndCounts() {
        lua("""
                assert(T.contains({ 1, 2, x = "y" }, "y") and not T.contains({ 1 }, 2))
                assert(T.isEmpty({}) and not T.isEmpty({ x = false }))
                is(T.count({ 1, 2, x = 3 }), 3)
                is(T.count({ 1, 2, 3, 4 }, function(v) return v > 2 end), 2)
                is(T.count({ a = 1 }, function(v, k) return k == "a" end), 1)
                is(err(T.contains, nil, 1), "bad argument #1 to 'contains' (table expected, got nil)")
                is(err(T.isEmpty, "x"), "bad argument #1 to 'isEmpty' (table expected, got string)")
                is(err(T.count, 1), "bad argument #1 to 'count' (table expected, got number)")
                is(err(T.count, {}, 1), "bad argument #2 to 'count' (function expected, got number)")
                """);
    }
}
