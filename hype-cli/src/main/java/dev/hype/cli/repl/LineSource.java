package dev.hype.cli.repl;

import java.io.IOException;

/** Supply the REPL's input lines: JLine on a terminal, a plain reader over other streams. */
interface LineSource extends AutoCloseable {
    /** Show the prompt and return the next line, or null at end of input. */
    String readLine(String prompt) throws IOException;

    /** Print a line of output. */
    void println(String text);

    /** Forget a line that was interrupted by Ctrl-C; true when the last read was interrupted. */
    default boolean interrupted() {
        return false;
    }

    @Override
    void close() throws IOException;
}
