package dev.hype.cli.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Read REPL lines from the system terminal with JLine: line editing and persistent history. */
final class JLineSource implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    private boolean interrupted;

    JLineSource(Path history) throws IOException {
        this.terminal = TerminalBuilder.builder().system(true).build();
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("hype")
                .variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        this.out = terminal.writer();
    }

    @Override
    public String readLine(String prompt) {
        interrupted = false;
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            interrupted = true;
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public boolean interrupted() {
        return interrupted;
    }

    @Override
    public Interrupts interruptsTo(Runnable action) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> action.run());
        return () -> terminal.handle(Terminal.Signal.INT, previous);
    }

    @Override
    public void println(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        reader.getHistory().save();
        terminal.close();
    }
}
