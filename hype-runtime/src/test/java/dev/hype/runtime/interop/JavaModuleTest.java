package dev.hype.runtime.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.permissions.Access;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaModuleTest {
    @TempDir
    Path temp;

    private void lua(String code) {
        try (InteropTester t = new InteropTester(Access.UNRESTRICTED, temp)) {
            t.run(code);
        }
    }

    private String error(String code) {
        try (InteropTester t = new InteropTester(Access.UNRESTRICTED, temp)) {
            return t.error(code);
        }
    }

    @Test
    void constructsAnArrayListAndCallsItsMethods() {
        lua("""
                local ArrayList = java.import("java.util.ArrayList")
                local list = ArrayList.new()
                assert(list:add(1) == true)
                list:add("two")
                list:add(3.5)
                assert(list:size() == 3 and #list == 3)
                assert(list:get(0) == 1 and math.type(list:get(0)) == "integer")
                assert(list:get(1) == "two")
                assert(list:get(2) == 3.5 and math.type(list:get(2)) == "float")
                assert(tostring(list) == "[1, two, 3.5]", tostring(list))
                assert(list:remove(0) == 1, "remove(int) is preferred to remove(Object) for an integer")
                assert(list:contains("two") and not list:contains("nope"))
                local sized = ArrayList(10)
                assert(sized:isEmpty())
                assert(java.class(list) == "java.util.ArrayList" and java.class(ArrayList) == "java.util.ArrayList")
                assert(tostring(ArrayList) == "class java.util.ArrayList")
                assert(tostring(java.import("java.util.List")) == "interface java.util.List")
                assert("list: " .. list == "list: [two, 3.5]")
                """);
    }

    @Test
    void usesAHashMapWithNilForMissingKeys() {
        lua("""
                local map = java.import("java.util.HashMap").new()
                assert(map:put("a", 1) == nil)
                assert(map:put("a", 2) == 1)
                map:put("b", true)
                assert(map:get("a") == 2 and map:get("b") == true and map:get("zzz") == nil)
                assert(map:containsKey("b") and #map == 2)
                assert(map:getOrDefault("c", "fallback") == "fallback")
                """);
    }

    @Test
    void chainsStringBuilderCallsThroughOverloads() {
        lua("""
                local sb = java.import("java.lang.StringBuilder").new("x=")
                local text = sb:append(1):append(2.5):append(true):append("!"):append(nil == nil):toString()
                assert(text == "x=12.5true!true", text)
                assert(#sb == #text and sb:charAt(0) == "x")
                sb:setLength(0)
                assert(sb:append("a"):reverse():toString() == "a")
                """);
    }

    @Test
    void picksOverloadsByArgumentTypesAndRange() {
        lua("""
                local Math = java.import("java.lang.Math")
                assert(Math.max(1, 2) == 2 and math.type(Math.max(1, 2)) == "integer")
                assert(Math.max(1 << 40, 1) == 1 << 40)
                assert(Math.max(2.0, 1) == 2.0 and math.type(Math.max(2.0, 1)) == "float")
                assert(Math.max(1.5, 2) == 2.0 and math.type(Math.max(1.5, 2)) == "float")
                assert(Math.abs(-3) == 3 and Math.sqrt(16) == 4.0)
                local Integer = java.import("java.lang.Integer")
                assert(Integer.MAX_VALUE == 2147483647 and Integer.MIN_VALUE == -2147483648)
                assert(Integer.toHexString(255) == "ff" and Integer.toHexString(2.0) == "2")
                assert(Integer.parseInt("42") == 42)
                assert(java.import("java.lang.Character").isDigit("7") == true)
                local String = java.import("java.lang.String")
                assert(String.format("%s-%d-%.1f", "a", 5, 1.25) == "a-5-1.2" or String.format("%s-%d-%.1f", "a", 5, 1.25) == "a-5-1.3")
                assert(String.join(",", "a", "b", "c") == "a,b,c")
                assert(String.join("+", { "x", "y" }) == "x+y")
                assert(String.valueOf(true) == "true")
                """);
    }

    @Test
    void reportsAmbiguityAndMismatchesWithTheCandidates() {
        lua("""
                local sb = java.import("java.lang.StringBuilder").new()
                local e = err(sb.append, sb, nil)
                assert(e == "ambiguous call to java.lang.StringBuilder.append with (nil); candidates: "
                  .. "append(char[]), append(java.lang.String), append(java.lang.StringBuffer)", e)
                local Math = java.import("java.lang.Math")
                e = err(Math.max, 1, "2")
                assert(e == "no overload of java.lang.Math.max matches (integer, string); candidates: "
                  .. "max(double, double), max(float, float), max(int, int), max(long, long)", e)
                e = err(Math.max, 1)
                assert(e:find("no overload of java.lang.Math.max takes 1 argument; candidates: ", 1, true), e)
                e = err(java.import("java.util.ArrayList").new, "x")
                assert(e:find("no constructor of java.util.ArrayList matches (string)", 1, true), e)
                """);
    }

    @Test
    void readsStaticFieldsAndSetsOnlyNonFinalOnes() {
        lua("""
                local Sample = java.import("dev.hype.runtime.interop.InteropSample")
                Sample.count = 41
                assert(Sample.count == 41 and Sample.NAME == "sample")
                local e = err(function() Sample.NAME = "other" end)
                assert(e:find("cannot set dev.hype.runtime.interop.InteropSample.NAME: the field is final", 1, true), e)
                e = err(function() Sample.count = "x" end)
                assert(e:find("cannot set dev.hype.runtime.interop.InteropSample.count: int expected, got string", 1, true), e)
                e = err(function() Sample.count = 1 << 40 end)
                assert(e:find("integer 1099511627776 does not fit in int", 1, true), e)
                local s = Sample(1, 2)
                assert(s.x == 1 and s.y == 2 and tostring(s) == "InteropSample(1, 2)")
                s.x = 5
                assert(s.x == 5)
                e = err(function() s.y = 3 end)
                assert(e:find("InteropSample.y: the field is final", 1, true), e)
                e = err(function() return s.nope end)
                assert(e:find("dev.hype.runtime.interop.InteropSample has no public method or field 'nope'", 1, true), e)
                e = err(function() return Sample.nope end)
                assert(e:find("has no public static method or field 'nope'", 1, true), e)
                """);
        assertThat(InteropSample.count).isEqualTo(41);
    }

    @Test
    void turnsJavaExceptionsIntoErrorTables() {
        lua("""
                local Integer = java.import("java.lang.Integer")
                local e = err(Integer.parseInt, "x")
                assert(e.code == "JAVA_EXCEPTION" and e.class == "java.lang.NumberFormatException", e.class)
                assert(e.message == 'java.lang.NumberFormatException: For input string: "x"', e.message)
                assert(tostring(e) == e.message)
                local sample = java.import("dev.hype.runtime.interop.InteropSample").new()
                e = err(sample.fail, sample, "broken")
                assert(e.class == "java.lang.IllegalStateException" and e.message == "java.lang.IllegalStateException: broken")
                e = err(function() return java.import("java.util.ArrayList").new():get(0) end)
                assert(e.class == "java.lang.IndexOutOfBoundsException", e.class)
                """);
        assertThat(error("java.import('java.lang.Integer').parseInt('x')"))
                .isEqualTo("java.lang.NumberFormatException: For input string: \"x\"");
    }

    @Test
    void makesArraysIndexedFromOne() {
        lua("""
                local ints = java.import("java.lang.reflect.Array") and java.array("int", 3)
                assert(#ints == 3 and ints[1] == 0 and ints[3] == 0 and ints[0] == nil and ints[4] == nil)
                ints[1] = 7
                ints[3] = 9
                assert(tostring(ints) == "[7, 0, 9]" and java.class(ints) == "int[]")
                local e = err(function() ints[4] = 1 end)
                assert(e:find("cannot set int[] element 4: arrays take indices from 1 to their length (3)", 1, true), e)
                e = err(function() ints[1] = 1 << 40 end)
                assert(e:find("integer 1099511627776 does not fit in int", 1, true), e)
                local words = java.array("java.lang.String", { "b", "a", "c" })
                java.import("java.util.Arrays").sort(words)
                local seen = {}
                for i, w in ipairs(words) do seen[i] = w end
                assert(table.concat(seen, ",") == "a,b,c")
                assert(java.class(words) == "java.lang.String[]" and tostring(words) == "[a, b, c]")
                local grid = java.array("int[]", { { 1, 2 }, { 3 } })
                assert(#grid == 2 and grid[1][2] == 2 and #grid[2] == 1 and tostring(grid) == "[[1, 2], [3]]")
                assert(java.array(java.import("java.lang.Long"), 2)[1] == nil)
                e = err(java.array, "int", { 1, "x" })
                assert(e == "bad argument #2 to 'array' (element 2 of the table: int expected, got string)", e)
                e = err(java.array, "int", -1)
                assert(e == "bad argument #2 to 'array' (length -1 out of range)", e)
                e = err(java.array, "nope.Missing", 1)
                assert(e == "no Java class nope.Missing", e)
                """);
    }

    @Test
    void convertsLuaValuesByParameterTypeWithRangeChecks() {
        lua("""
                local Sample = java.import("dev.hype.runtime.interop.InteropSample")
                local s = Sample.new()
                assert(s:kind(1) == "int" and s:kind("x") == "String" and s:kind({ 1, 2 }) == "List")
                assert(Sample.bytes("h\\0i") == "3 bytes")
                assert(Sample.letter("z") == "char z")
                assert(Sample.small(-128, 32767, 1.5) == "-128 32767 1.5")
                local e = err(Sample.small, 128, 0, 0)
                assert(e == "bad argument #1 to 'dev.hype.runtime.interop.InteropSample.small' (integer 128 does not fit in byte)", e)
                e = err(Sample.small, 0, 0, 1e300)
                assert(e:find("(number 1e+300 does not fit in float)", 1, true), e)
                e = err(Sample.letter, "zz")
                assert(e:find("(char expected, got a string of 2 UTF-16 units)", 1, true), e)
                e = err(java.import("java.lang.Integer").toHexString, 2.5)
                assert(e:find("(number 2.5 has no integer representation)", 1, true), e)
                e = err(java.import("java.lang.Integer").toHexString, 1 << 40)
                assert(e:find("(integer 1099511627776 does not fit in int)", 1, true), e)
                e = err(s.kind, s, print)
                assert(e:find("no overload of dev.hype.runtime.interop.InteropSample.kind matches (function)", 1, true), e)
                assert(Sample.nothing() == nil)
                local list = java.import("java.util.ArrayList").new({ 1, "a", true })
                assert(list:size() == 3 and list:get(2) == true)
                local map = java.import("java.util.HashMap").new({ a = 1, [2] = "two" })
                assert(map:get("a") == 1 and map:get(2) == "two")
                local nested = java.import("java.util.ArrayList").new({ list })
                assert(nested:get(0) == list, "a proxy inside a table converts to its object")
                e = err(java.import("java.util.ArrayList").new, { {} })
                assert(e:find("element 1 of the table: java.lang.Object expected, got table", 1, true), e)
                """);
    }

    @Test
    void reachesObjectsOfNonPublicClassesThroughTheirInterfaces() {
        lua("""
                local List = java.import("java.util.List")
                local l = List.of(1, 2, 3)
                assert(java.class(l):find("^java.util.ImmutableCollections%$"), java.class(l))
                assert(l:size() == 3 and l:get(2) == 3 and l:contains(2))
                assert(java.instanceof(l, "java.util.List") and java.instanceof(l, List))
                assert(not java.instanceof(l, "java.util.Map") and not java.instanceof({}, "java.util.List"))
                local e = err(l.add, l, 4)
                assert(e.class == "java.lang.UnsupportedOperationException", e.class)
                local it = java.import("java.util.ArrayList").new(l):iterator()
                local sum = 0
                while it:hasNext() do sum = sum + it:next() end
                assert(sum == 6)
                local Sample = java.import("dev.hype.runtime.interop.InteropSample")
                local r = Sample.hidden()
                Sample.count = 0
                r:run()
                assert(Sample.count == 1)
                e = err(function() return r.notThroughTheInterface end)
                assert(e:find("has no public method or field 'notThroughTheInterface'", 1, true), e)
                e = err(java.import, "java.util.ImmutableCollections")
                assert(e == "java.util.ImmutableCollections is not a public class of an exported package", e)
                assert(tostring(java.import("java.util.Map$Entry")) == "interface java.util.Map$Entry")
                e = err(java.import, "java.util.Map.Entry")
                assert(e == "no Java class java.util.Map.Entry (a nested class is named with $: java.util.Map$Entry)", e)
                e = err(java.import, "sun.nio.ch.Net")
                assert(e == "sun.nio.ch.Net is not a public class of an exported package", e)
                """);
    }

    @Test
    void comparesProxiesByObjectIdentity() {
        lua("""
                local ArrayList = java.import("java.util.ArrayList")
                local a, b = ArrayList.new(), ArrayList.new()
                assert(a ~= b and a:equals(b), "equal lists are different objects")
                local holder = ArrayList.new()
                holder:add(a)
                local again = holder:get(0)
                assert(again == a and not rawequal(again, a), "two proxies of one object compare equal")
                assert(ArrayList == java.import("java.util.ArrayList"))
                assert(a ~= {} and getmetatable(a) == false)
                """);
    }

    @Test
    void refusesTablesThatImitateProxies() {
        lua("""
                local list = java.import("java.util.ArrayList").new()
                local fake = setmetatable({}, { __index = function() return function() return 1 end end })
                local e = err(list.add, list, fake)
                assert(e == "bad argument #1 to 'java.util.ArrayList.add' (java.lang.Object expected, got table)", e)
                e = err(java.class, fake)
                assert(e == "bad argument #1 to 'class' (Java object expected, got table)", e)
                assert(not java.instanceof(fake, "java.lang.Object"))
                -- Even the real metatable, put on a table with the debug library, makes no proxy.
                local forged = debug.setmetatable({}, debug.getmetatable(list))
                e = err(function() return forged:size() end)
                assert(e:find("attempt to index a table that is not a Java object", 1, true), e)
                e = err(list.add, forged, 1)
                assert(e:find("calling 'add' on bad self", 1, true), e)
                e = err(list.add, 1)
                assert(e == "calling 'add' on bad self (a Java object expected, got number; call it as obj:add(...))", e)
                """);
    }

    @Test
    void raisesMemberErrorsAtTheCallersLine() {
        String message = error("""
                local list = java.import("java.util.ArrayList").new()
                list:get(1)
                """);
        assertThat(message).isEqualTo("java.lang.IndexOutOfBoundsException: Index 1 out of bounds for length 0");
        assertThat(error("""
                local list = java.import("java.util.ArrayList").new()
                return list.nope
                """)).isEqualTo("test:8: java.util.ArrayList has no public method or field 'nope'");
        assertThat(error("java.import(nil)")).isEqualTo("test:7: bad argument #1 to 'import' (string expected, got nil)");
        assertThat(error("java.import('java.util.List').new()"))
                .isEqualTo("test:7: cannot construct java.util.List: it is an interface");
    }

    @Test
    void releasesObjectsWhenTheirProxiesAreCollected() {
        try (InteropTester t = new InteropTester(Access.UNRESTRICTED, temp)) {
            t.run("""
                    local ArrayList = java.import("java.util.ArrayList")
                    keep = ArrayList.new()
                    for i = 1, 2000 do ArrayList.new():add(i) end
                    collectgarbage()
                    collectgarbage()
                    """);
            assertThat(t.module().liveProxies()).isBetween(1, 10);
        }
    }

    @Test
    void importTakesOnlyNamesOfClasses() {
        lua("""
                local function has(e, text) assert(tostring(e):find(text, 1, true), tostring(e)) end
                has(err(java.import, "int[]"), "java.import takes a class name, not an array type ('int[]')")
                has(err(java.import, "int"), "java.import takes a class name, not the primitive type 'int'")
                has(err(java.import, "java.util.List!"), "'java.util.List!' is not a Java class name")
                has(err(java.import, "no.such.Thing"), "no Java class no.such.Thing")
                local e = err(java.import, "dev.hype.runtime.interop.FailingInitialiser")
                assert(e.code == "JAVA_EXCEPTION" and e.class == "java.lang.NumberFormatException", tostring(e))
                has(err(java.array, "int", true), "bad argument #2 to 'array' (integer or table expected, got boolean)")
                has(err(java.array, "int", 1.5), "integer or table expected, got number")
                """);
    }

    @Test
    void primitiveArraysPrintTheirElements() {
        lua("""
                local kinds = { long = "[1, 0]", double = "[1.0, 0.0]", float = "[1.0, 0.0]", short = "[1, 0]",
                                byte = "[1, 0]", boolean = "[true, false]" }
                for kind, text in pairs(kinds) do
                  local a = java.array(kind, 2)
                  a[1] = kind == "boolean" or 1
                  assert(tostring(a) == text, kind .. ": " .. tostring(a))
                  assert(#a == 2)
                end
                local chars = java.array("char", { "h", "i" })
                assert(tostring(chars) == "[h, i]", tostring(chars))
                """);
    }

    @Test
    void membersThatDoNotExistOrCannotBeSetAreNamed() {
        lua("""
                local function has(e, text) assert(tostring(e):find(text, 1, true), tostring(e)) end
                local Sample = java.import("dev.hype.runtime.interop.InteropSample")
                local s = Sample.new()
                has(err(function() s.nope = 1 end),
                    "cannot set dev.hype.runtime.interop.InteropSample.nope: dev.hype.runtime.interop.InteropSample"
                    .. " has no public field 'nope'")
                has(err(function() Sample.nope = 1 end), "has no public static field 'nope'")
                has(err(function() s.x = "text" end), "cannot set dev.hype.runtime.interop.InteropSample.x: ")
                has(err(function() s.x = nil end), "cannot set dev.hype.runtime.interop.InteropSample.x: ")
                has(err(function() s.x = true end), "cannot set dev.hype.runtime.interop.InteropSample.x: ")
                has(err(function() s.x = print end), "cannot set dev.hype.runtime.interop.InteropSample.x: ")
                has(err(function() s.x = s end), "cannot set dev.hype.runtime.interop.InteropSample.x: ")
                has(err(function() return s:nothingHere() end),
                    "dev.hype.runtime.interop.InteropSample has no public method or field 'nothingHere'")
                has(err(function() return Sample.nothingStatic() end), "has no public static method or field 'nothingStatic'")
                has(err(function() return s[true] end), "cannot index a dev.hype.runtime.interop.InteropSample with a boolean")
                local ints = java.array("int", 2)
                has(err(function() ints.length = 1 end), "cannot set int[].length: int[] has no public field 'length'")
                has(err(function() ints[true] = 1 end), "cannot index a int[] with a boolean (arrays take integer indices from 1)")
                has(err(function() return s() end), "attempt to call a dev.hype.runtime.interop.InteropSample object")
                has(err(function() return #s end), "attempt to get length of a dev.hype.runtime.interop.InteropSample"
                    .. " (only arrays, collections, maps and char sequences have one)")
                local sb = java.import("java.lang.StringBuilder").new("four")
                assert(#sb == 4)
                local map = java.import("java.util.HashMap").new({ a = 1 })
                assert(#map == 1)
                """);
    }

    @Test
    void valuesThatDoNotConvertToTheParameterTypeAreRefused() {
        lua("""
                local function has(e, text) assert(tostring(e):find(text, 1, true), tostring(e)) end
                local Sample = java.import("dev.hype.runtime.interop.InteropSample")
                local Integer = java.import("java.lang.Integer")
                has(err(Integer.toHexString, nil), "toHexString")
                has(err(Integer.toHexString, true), "toHexString")
                has(err(Integer.toHexString, print), "toHexString")
                has(err(Sample.letter, 1.5), "letter")
                has(err(Sample.bytes, 3), "bytes")
                local Float = java.import("java.lang.Float")
                assert(Float.valueOf(2) == 2.0)
                local Character = java.import("java.lang.Character")
                assert(Character.toString(65) == "A")
                assert(Sample.small(1, 2, 3) == "1 2 3.0")
                """);
    }
}
