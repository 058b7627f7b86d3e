package dev.hype.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.Terminal;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplTest {
    @TempDir
    Path home;

    private record Session(int status, String output) { }

    private Session type(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal terminal = Terminal.of(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                new ByteArrayOutputStream());
        int status = new Repl(terminal, RuntimeOptions.defaults(), home.resolve("history")).run();
        return new Session(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsExpressionValuesAsLuaDoes() throws Exception {
        Session session = type("1+1\n'a', nil, 3.0\nx = 10\nx * 2\n");
        assertThat(session.output()).contains("2\n").contains("a\tnil\t3.0\n").contains("20\n");
        assertThat(session.status()).isZero();
    }

    @Test
    void continuesIncompleteChunksOnTheNextLine() throws Exception {
        Session session = type("function sq(n)\nreturn n * n\nend\nsq(12)\n");
        assertThat(session.output()).contains(">> ").contains("144\n");
    }

    @Test
    void reportsErrorsAndKeepsGoing() throws Exception {
        Session session = type("error('bad')\nx = = 1\n'after'\n");
        assertThat(session.output()).contains("stdin:1: bad").contains("unexpected symbol near '='")
                .contains("after\n");
    }

    @Test
    void endOfInputExitsAndOsExitSetsTheStatus() throws Exception {
        assertThat(type("").status()).isZero();
        assertThat(type("os.exit(7)\n'not reached'\n").status()).isEqualTo(7);
    }

    @Test
    void keepsHistoryBetweenSessions() throws Exception {
        type("local remembered = 1\n");
        assertThat(Files.readString(home.resolve("history"))).contains("local remembered = 1");
    }
}
