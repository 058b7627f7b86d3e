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

    /**
     * Send Ctrl-C to {@code action} until the returned handle is closed (while code runs); closing restores what
     * Ctrl-C did before. Sources that are not a terminal have no Ctrl-C to send.
     */
    default Interrupts interruptsTo(Runnable action) {
        return () -> { };
    }

    /** A hold on Ctrl-C; closing it restores the previous handling. */
    interface Interrupts extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    void close() throws IOException;
}
