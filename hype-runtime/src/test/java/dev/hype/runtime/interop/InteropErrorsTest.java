package dev.hype.runtime.interop;

import dev.hype.runtime.permissions.Access;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a script meets when it uses {@code hype:java} wrongly: names that are no class, array and primitive types
 * given to {@code import}, members that do not exist, values that do not convert, objects that have no length or
 * cannot be called, and a class whose initialiser throws. Each is a Lua error naming the class, member or value.
 */
class InteropErrorsTest {
    @TempDir
    Path temp;

    private void lua(String code) {
        try (InteropTester t = new InteropTester(Access.UNRESTRICTED, temp)) {
            t.run(code);
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
