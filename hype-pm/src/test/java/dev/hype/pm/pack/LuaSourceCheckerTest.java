package dev.hype.pm.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuaSourceCheckerTest {
    @TempDir
    Path dir;

    @Test
    void acceptsCodeThatCompilesWithoutRunningIt() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.lua"), "error('must not run')\nreturn 1\n");
        try (LuaSourceChecker checker = new LuaSourceChecker()) {
            assertThatCode(() -> checker.check(file, "lib/ok.lua")).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsASyntaxErrorNamingTheEntryAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.lua"), "local x = 1\nfunction f(\n");
        try (LuaSourceChecker checker = new LuaSourceChecker()) {
            assertThatThrownBy(() -> checker.check(file, "lib/bad.lua"))
                .isInstanceOfSatisfying(PackException.class, e -> {
                    assertThat(e.code()).isEqualTo(LuaSourceChecker.E_LUA_SYNTAX);
                    assertThat(e.getMessage()).contains("syntax error in lib/bad.lua", "lib/bad.lua:3:");
                });
        }
    }

    @Test
    void acceptsAShebangAndAByteOrderMarkAsTheRuntimeDoes() throws Exception {
        Path shebang = Files.writeString(dir.resolve("tool.lua"), "#!/usr/bin/env hype\nprint(...)\n");
        Path bom = Files.writeString(dir.resolve("bom.lua"), "\uFEFF#!/usr/bin/env hype\nreturn 1\n");
        Path late = Files.writeString(dir.resolve("late.lua"), "return 1\n#!/usr/bin/env hype\n");
        try (LuaSourceChecker checker = new LuaSourceChecker()) {
            assertThatCode(() -> checker.check(shebang, "bin/tool.lua")).doesNotThrowAnyException();
            assertThatCode(() -> checker.check(bom, "bom.lua")).doesNotThrowAnyException();
            // Only the first line may be one: later, '#' is Lua's length operator, out of place.
            assertThatThrownBy(() -> checker.check(late, "late.lua")).isInstanceOf(PackException.class)
                .hasMessageContaining("late.lua:2:");
        }
    }
}
