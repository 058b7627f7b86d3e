package dev.hype.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuaPatternsTest {

    @Test
    void acceptsValidPatterns() {
        for (String p : new String[] {"^parser", "a.-b$", "%d+", "[%w_]+", "[]]", "[^%]]", "%bxy", "%f[%w]x",
                "(a)%1", "#fast", "(%d+)-(%d+)"}) {
            assertThat(LuaPatterns.problem(p)).as(p).isEmpty();
        }
    }

    @Test
    void reportsMalformedPatternsInLuasWords() {
        assertThat(LuaPatterns.problem("abc%")).contains("malformed pattern (ends with '%')");
        assertThat(LuaPatterns.problem("[abc")).contains("malformed pattern (missing ']')");
        assertThat(LuaPatterns.problem("(abc")).contains("unfinished capture");
        assertThat(LuaPatterns.problem("abc)")).contains("invalid pattern capture");
        assertThat(LuaPatterns.problem("%b(")).contains("malformed pattern (missing arguments to '%b')");
        assertThat(LuaPatterns.problem("%fx")).contains("missing '[' after '%f' in pattern");
        assertThat(LuaPatterns.problem("(a%1)")).contains("invalid capture index %1 in pattern");
    }
}
