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
}
