package dev.hype.cli.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Read REPL lines from plain streams, echoing prompts and appending to the history file. */
final class StreamLineSource implements LineSource {
    private final BufferedReader in;
    private final PrintStream out;
    private final Path history;

    StreamLineSource(InputStream in, PrintStream out, Path history) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.history = history;
    }

    @Override
    public String readLine(String prompt) throws IOException {
        out.print(prompt);
        out.flush();
        String line = in.readLine();
        if (line != null && !line.isBlank()) {
            Files.writeString(history, line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return line;
    }

    @Override
    public void println(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
