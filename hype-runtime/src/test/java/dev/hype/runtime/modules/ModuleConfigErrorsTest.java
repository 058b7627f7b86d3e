package dev.hype.runtime.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.runtime.HypeException;
import dev.hype.runtime.engine.EvalResult;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package's {@code hype.json} that is empty, not an object, or holds {@code imports} of the wrong kind, and a main
 * script that is missing or reached through a file: each is an error naming the file (and the field).
 */
class ModuleConfigErrorsTest {
    @TempDir
    Path temp;
    Path root;
    LuaRuntime runtime;
    ModuleSystem modules;

    @BeforeEach
    void start() throws IOException {
        root = temp.toRealPath();
        runtime = LuaRuntime.create(RuntimeOptions.defaults());
        modules = ModuleSystem.install(runtime, ModuleOptions.defaults().withWorkingDirectory(root)
                .withHypeHome(root.resolve(".home")).withWarnings(w -> { }));
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void file(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String failure(String code) {
        EvalResult result = runtime.evaluate(code);
        assertThat(result).isInstanceOf(EvalResult.Failed.class);
        return ((EvalResult.Failed) result).message();
    }

    private String eval(String code) {
        EvalResult result = runtime.evaluate(code);
        assertThat(result).as(result.toString()).isInstanceOf(EvalResult.Values.class);
        return ((EvalResult.Values) result).display();
    }

    @Test
    void anEmptyOrNonObjectManifestIsNamed() throws IOException {
        file("hype_modules/empty/hype.json", "   ");
        file("hype_modules/empty/init.lua", "return 'empty'");
        assertThat(failure("require('empty')")).contains("hype_modules/empty/hype.json").contains("the file is empty");

        file("hype_modules/listed/hype.json", "[1, 2]");
        assertThat(failure("require('listed')")).contains("hype_modules/listed/hype.json must hold a JSON object, "
                + "found an array");
        file("hype_modules/texty/hype.json", "\"text\"");
        assertThat(failure("require('texty')")).contains("must hold a JSON object, found a string");
        file("hype_modules/truth/hype.json", "true");
        assertThat(failure("require('truth')")).contains("must hold a JSON object, found a boolean");
        file("hype_modules/nothing/hype.json", "null");
        assertThat(failure("require('nothing')")).contains("hype_modules/nothing/hype.json");
    }

    @Test
    void importsMustBeAnObjectAndNullFieldsCountAsAbsent() throws IOException {
        file("hype_modules/imp/hype.json", "{\"imports\": \"./x.lua\"}");
        file("hype_modules/imp/init.lua", "return require('#x')");
        assertThat(failure("require('imp')")).contains("invalid field \"imports\"")
                .contains("expected an object, found a string");
        file("hype_modules/imp2/hype.json", "{\"imports\": {\"#x\": \"./x.lua\"}, \"main\": \"main.lua\"}");
        file("hype_modules/imp2/main.lua", "return require('#x')");
        file("hype_modules/imp2/x.lua", "return 'x via imports'");
        assertThat(eval("(require('imp2'))")).isEqualTo("x via imports");

        file("hype_modules/nulls/hype.json", "{\"exports\": null, \"imports\": null, \"main\": \"lib.lua\"}");
        file("hype_modules/nulls/lib.lua", "return 'main, as if no exports were given'");
        assertThat(eval("(require('nulls'))")).isEqualTo("main, as if no exports were given");
        assertThat(eval("(require('nulls/lib'))")).isEqualTo("main, as if no exports were given");
    }

    @Test
    void aMainScriptThatIsMissingOrBehindAFileIsNamed() throws IOException {
        assertThatThrownBy(() -> modules.runMain(root.resolve("missing.lua"), List.of()))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo("E_SCRIPT_NOT_FOUND");
                    assertThat(e.getMessage()).isEqualTo("cannot open " + root.resolve("missing.lua") + " (no such file)");
                });
        file("plain", "not a directory");
        assertThatThrownBy(() -> modules.runMain(root.resolve("plain/app.lua"), List.of()))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo("E_SCRIPT_UNREADABLE");
                    assertThat(e.getMessage()).startsWith("cannot read " + root.resolve("plain/app.lua") + ": ");
                });
    }
}
