package dev.hype.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code -->} comments of a Lua example become checks on the same lines. */
class LuaChecksTest {

    @Test
    void codeWithoutClaimsIsLeftAsItIs() {
        String code = "local x = 1 -- a comment\nprint(x)\n";

        assertThat(LuaChecks.transform(code)).isEqualTo(code);
    }

    @Test
    void printLinesCheckWhatTheyPrintAndOtherLinesTheirValue() {
        String code = """
                local path = require("path")
                print(path.join("a", "b"))   --> a/b
                path.join("a", "..")         --> "."
                """;

        String[] lines = LuaChecks.transform(code).split("\n", -1);

        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("local __doc = (function() ").endsWith("end)(); local path = require(\"path\")");
        assertThat(lines[1]).isEqualTo("__doc.print(2, \"a/b\", path.join(\"a\", \"b\"))");
        assertThat(lines[2]).isEqualTo("__doc.value(3, \"\\\".\\\"\", (\".\"), path.join(\"a\", \"..\"))");
    }

    @Test
    void onlyAWholeCallOfPrintIsAPrintLine() {
        assertThat(LuaChecks.printArguments("print(a, f(b))")).isEqualTo("a, f(b)");
        assertThat(LuaChecks.printArguments("print()")).isEmpty();
        assertThat(LuaChecks.printArguments("print(\")\")")).isEqualTo("\")\"");
        assertThat(LuaChecks.printArguments("print(a) print(b)")).isNull();
        assertThat(LuaChecks.printArguments("printf(a)")).isNull();
    }

    @Test
    void commentLinesThatMentionAnArrowAreNotClaims() {
        String code = "-- see the --> notation\nx = 1\n";

        assertThat(LuaChecks.transform(code)).isEqualTo(code);
    }
}
