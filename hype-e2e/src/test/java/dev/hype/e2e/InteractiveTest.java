package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL on a terminal and --watch, as a user drives them (issue 13, items 7 and 14). */
class InteractiveTest {
    private static final String OOM = "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end";

    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void create() {
        hype = Hype.in(temp);
    }

    @Test
    void ctrlCWhileCodeRunsReturnsToThePromptAsLua54Does() {
        try (Conversation repl = Conversation.onTerminal(hype)) {
            repl.await("Ctrl-D to exit").await("> ");
            // The marker is built at run time, so the terminal's echo of the line cannot match it.
            repl.send("print('loo' .. 'ping') while true do end\n").await("looping");
            repl.send("\u0003").await("stdin:1: interrupted!").await("> ");
            repl.send("print(20 + 22)\n").await("42").await("> ");
            repl.send("ok, e = pcall(function() print('aga' .. 'in') while true do end end)\n").await("again");
            repl.send("\u0003").await("> ");
            repl.send("print(ok, e)\n").await("false\tstdin:1: interrupted!");
            repl.send("\u0004");
            assertThat(repl.exit()).as(repl.output()).isZero();
        }
    }

    @Test
    void outOfMemoryPrintsLuasMessageInTheReplAndInAScript() throws IOException {
        try (Conversation repl = Conversation.onTerminal(hype, "--max-memory", "16m")) {
            repl.await("> ");
            repl.send(OOM + "\n").await("not enough memory").await("> ");
            repl.send("print('still here')\n").await("still here");
            repl.send("\u0004");
            assertThat(repl.exit()).isZero();
            assertThat(repl.output()).doesNotContain("null");
        }
        hype.write("oom.lua", OOM + "\n");
        Result script = hype.run("--max-memory", "16m", "oom.lua").assertExit(1);
        assertThat(script.stderr()).isEqualTo("hype: not enough memory\n");
        Result chunk = hype.run("--max-memory", "16m", "-e", OOM).assertExit(1);
        assertThat(chunk.stderr()).isEqualTo("hype: not enough memory\n");
    }

    @Test
    void watchRerunsWhenADeletedFileIsCreatedAgain() throws IOException {
        hype.write("app.lua", "print('value ' .. require('./lib'))\n");
        Path lib = hype.write("lib.lua", "return 1\n");
        try (Conversation watch = Conversation.start(hype, "--watch", "app.lua")) {
            watch.await("value 1").await("waiting for file changes");
            Files.delete(lib);
            watch.await("restarting").await("failed running").await("waiting for file changes");
            Files.writeString(lib, "return 2\n");
            watch.await("restarting").await("value 2").await("completed running");
        }
    }
}
