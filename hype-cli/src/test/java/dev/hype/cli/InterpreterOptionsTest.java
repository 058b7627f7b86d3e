package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hype [options] [script]} in-process: bad values of {@code --timeout}, {@code --max-memory} and {@code --watch}
 * are usage errors naming the option; {@code -e} failing stops before the script; {@code -i} enters the REPL after
 * the script or the {@code -e} chunks.
 */
class InterpreterOptionsTest {
    @TempDir
    Path temp;

    private Path script(String text) throws Exception {
        return Files.writeString(temp.resolve("app.lua"), text);
    }

    @Test
    void aTimeoutThatIsNotAPositiveNumberIsAUsageError() {
        for (String value : new String[] {"0", "-1", "Infinity"}) {
            CliRun run = CliRun.of("--timeout", value, "-e", "x = 1");
            assertThat(run.status()).as(value).isEqualTo(2);
            assertThat(run.err()).as(value).startsWith("error: --timeout must be a positive number of seconds, got ")
                    .contains("hint: run 'hype --help' for usage");
        }
        CliRun ok = CliRun.of("--timeout", "30", "-e", "os.exit(7)");
        assertThat(ok.status()).as(ok.err()).isEqualTo(7);
    }

    @Test
    void maxMemoryTakesSizesWithUnitsAndRefusesOthers() {
        for (String value : new String[] {"64m", "64MB", "1g", "512k", "1000000", "900000b"}) {
            CliRun run = CliRun.of("--max-memory", value, "-e", "os.exit(7)");
            assertThat(run.status()).as(value + ": " + run.err()).isEqualTo(7);
        }
        CliRun tiny = CliRun.of("--max-memory", "2k", "-e", "os.exit(7)");
        assertThat(tiny.status()).isEqualTo(2);
        assertThat(tiny.err()).isEqualTo("error: a memory limit of 2048 bytes is too small for Lua to start\n"
                + "hint: allow more, for example --max-memory 16m\n");
        CliRun zero = CliRun.of("--max-memory", "0", "-e", "print('ok')");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("size must be positive: '0'").contains("--max-memory");
        for (String value : new String[] {"lots", "m", "99999999999g", "1.5g"}) {
            CliRun run = CliRun.of("--max-memory", value, "-e", "print('ok')");
            assertThat(run.status()).as(value).isEqualTo(2);
            assertThat(run.err()).as(value).contains("'" + value + "' is not a size (examples: 64m, 1g, 512k)");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void watchNeedsAScriptFile() {
        CliRun run = CliRun.withInput("print(1)\n", "--watch", "-");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --watch needs a script file\n");
    }

    @Test
    void aScriptNameThatIsNoPathIsRefusedNamingIt() {
        CliRun run = CliRun.of("-W", "bad\0name.lua");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: cannot open bad\\x00name.lua: ").contains("Nul character");
    }

    @Test
    void aFailingDashEStopsBeforeTheScript() throws Exception {
        Path marker = temp.resolve("script-ran");
        Path app = script("io.open(arg[1], 'w'):close()\n");
        CliRun run = CliRun.of("-e", "error('stop here')", app.toString(), marker.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("stop here");
        assertThat(marker).doesNotExist();

        CliRun library = CliRun.of("-l", "no_such_module_anywhere", "-e", "os.exit(7)");
        assertThat(library.status()).isEqualTo(1);
        assertThat(library.err()).contains("no_such_module_anywhere");
    }

    @Test
    void dashIEntersTheReplAfterTheScriptWithItsGlobals() throws Exception {
        Path app = script("greeting = 'hi from the script'\n");
        CliRun run = CliRun.withInput("greeting\n", "-i", app.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Lua 5.4").contains("hi from the script\n");

        CliRun chunk = CliRun.withInput("n * 2\n", "-i", "-e", "n = 21");
        assertThat(chunk.status()).as(chunk.err()).isZero();
        assertThat(chunk.out()).contains("42\n");
    }

    @Test
    void aScriptThatFailsDoesNotEnterTheRepl() throws Exception {
        Path app = script("error('broken script', 0)\n");
        CliRun run = CliRun.withInput("'repl ran'\n", "-i", app.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("broken script");
        assertThat(run.out()).doesNotContain("repl ran");
    }
}
