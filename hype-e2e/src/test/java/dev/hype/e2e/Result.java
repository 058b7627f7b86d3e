package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What one run of {@code ./hype} gave: the command line, the exit status and both output streams. */
public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public Result {
        command = List.copyOf(command);
    }

    /** Assert the run exited 0 and return it; a failure shows the whole run. */
    public Result assertSuccess() {
        return assertExit(0);
    }

    /** Assert the run exited with {@code status} and return it; a failure shows the whole run. */
    public Result assertExit(int status) {
        assertThat(exitCode).as("exit status of %s", describe()).isEqualTo(status);
        return this;
    }

    /** Return the command, status and output as one text for assertion messages. */
    public String describe() {
        return String.join(" ", command) + "\n--- exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }

    @Override
    public String toString() {
        return describe();
    }
}
