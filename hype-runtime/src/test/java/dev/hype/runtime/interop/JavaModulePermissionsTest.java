package dev.hype.runtime.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.permissions.Access;
import dev.hype.runtime.permissions.Anchors;
import dev.hype.runtime.permissions.PermissionSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaModulePermissionsTest {
    @TempDir
    Path temp;

    private InteropTester tester(String... patterns) {
        PermissionSpec spec = new PermissionSpec(List.of(), List.of(), List.of(), List.of(), List.of(), false,
                List.of(patterns), false);
        return new InteropTester(Access.of("evil", spec, Anchors.of(temp)), temp);
    }

    private void lua(String code, String... patterns) {
        try (InteropTester t = tester(patterns)) {
            t.run(code);
        }
    }

    private static String denial(String className, String operation) {
        return "PERMISSION_DENIED: package 'evil' may not use the Java class " + className + " (" + operation
                + "); allow it with permissions.java in evil's hype.json, then approve it with "
                + "'hype pkg install --allow-permissions'";
    }

    @Test
    void allowsTheClassesItsPatternsMatch() {
        lua("""
                local list = java.import("java.util.ArrayList").new()
                list:add("a")
                assert(list:size() == 1 and tostring(list) == "[a]")
                local map = java.import("java.util.HashMap").new({ k = list })
                assert(map:get("k") == list)
                assert(java.import("java.util.Collections").emptyList():isEmpty())
                local ints = java.array("int", { 3, 1, 2 })
                java.import("java.util.Arrays").sort(ints)
                assert(tostring(ints) == "[1, 2, 3]")
                """, "java.util.*");
    }

    @Test
    void refusesToImportAClassNoPatternMatches() {
        try (InteropTester t = tester("java.util.*")) {
            t.run("""
                    local e = err(java.import, "java.lang.Runtime")
                    assert(e.code == "PERMISSION_DENIED" and e.kind == "java" and e.package == "evil")
                    assert(e.resource == "java.lang.Runtime" and e.operation == "java.import")
                    __message = e.message
                    assert(tostring(e) == e.message)
                    e = err(java.import, "java.lang.Class")
                    assert(e.resource == "java.lang.Class", e.resource)
                    e = err(java.import, "java.util.concurrent.ConcurrentHashMap")
                    assert(e.code == "PERMISSION_DENIED", "* stays within one package segment")
                    """);
            assertThat(t.error("java.import('java.lang.Runtime')"))
                    .isEqualTo(denial("java.lang.Runtime", "java.import"));
        }
    }

    @Test
    void refusesAnObjectOfADeniedClassComingBackFromAnAllowedOne() {
        try (InteropTester t = tester("java.util.*")) {
            assertThat(t.error("""
                    local list = java.import("java.util.ArrayList").new()
                    list:getClass()
                    """)).isEqualTo(denial("java.lang.Class", "java.util.ArrayList.getClass"));
            t.run("""
                    local list = java.import("java.util.ArrayList").new({ 1, 2 })
                    local e = err(list.toArray, list)
                    assert(e.resource == "java.lang.Object" and e.operation == "java.util.ArrayList.toArray", e.message)
                    assert(list:hashCode() == list:hashCode(), "values that become Lua values need no class")
                    e = err(java.array, "java.lang.String", 2)
                    assert(e.resource == "java.lang.String" and e.operation == "java.array", e.message)
                    e = err(java.instanceof, list, "java.lang.Object")
                    assert(e.resource == "java.lang.Object" and e.operation == "java.instanceof", e.message)
                    """);
        }
    }

    @Test
    void refusesObjectsOfADeniedClassInsideAllowedResults() {
        lua("""
                local Sample = java.import("dev.hype.runtime.interop.InteropSample")
                local e = err(Sample.hidden)
                assert(e.resource == "dev.hype.runtime.interop.InteropSample$Hidden", e.resource)
                assert(e.operation == "dev.hype.runtime.interop.InteropSample.hidden", e.operation)
                local arr = Sample.hiddenInArray()
                assert(#arr == 1 and java.class(arr) == "java.lang.Runnable[]")
                e = err(function() return arr[1] end)
                assert(e.resource == "dev.hype.runtime.interop.InteropSample$Hidden", e.resource)
                assert(e.operation == "java.lang.Runnable[] element", e.operation)
                """, "dev.hype.runtime.interop.InteropSample", "java.lang.Runnable");
    }

    @Test
    void doubleStarCrossesPackageSegments() {
        lua("""
                local map = java.import("java.util.concurrent.ConcurrentHashMap").new()
                map:put("a", 1)
                assert(map:get("a") == 1)
                local e = err(java.import, "java.lang.Runtime")
                assert(e.code == "PERMISSION_DENIED")
                """, "java.util.**");
    }

    @Test
    void aDeniedClassIsNeverInitialised() {
        System.clearProperty("hype.test.interop.initialised");
        lua("""
                local e = err(java.import, "dev.hype.runtime.interop.InitialisationProbe")
                assert(e.code == "PERMISSION_DENIED")
                e = err(java.instanceof, {}, "dev.hype.runtime.interop.InitialisationProbe")
                assert(e.code == "PERMISSION_DENIED")
                """, "java.util.*");
        assertThat(System.getProperty("hype.test.interop.initialised")).isNull();
    }

    @Test
    void aForgedProxyIsNoJavaObject() {
        lua("""
                local list = java.import("java.util.ArrayList").new()
                assert(getmetatable(list) == false)
                local e = err(setmetatable, {}, getmetatable(list))
                assert(e:find("bad argument #2 to 'setmetatable'", 1, true), e)
                local fake = setmetatable({}, { __name = "java.object", __index = list })
                e = err(list.add, fake, 1)
                assert(e:find("calling 'add' on bad self", 1, true), e)
                e = err(java.class, fake)
                assert(e == "bad argument #1 to 'class' (Java object expected, got table)", e)
                e = err(list.add, list, fake)
                assert(e:find("java.lang.Object expected, got table", 1, true), e)
                """, "java.util.*");
    }
}
