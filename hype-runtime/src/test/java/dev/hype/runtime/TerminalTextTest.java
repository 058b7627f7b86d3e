package dev.hype.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void plainTextIsUnchanged() {
        assertThat(TerminalText.escape("$HOME/.config/app/*.json, data/** — naïve 日本\tok")).isEqualTo(
                "$HOME/.config/app/*.json, data/** — naïve 日本\tok");
        assertThat(TerminalText.escape(null)).isNull();
    }

    @Test
    void controlSequencesCannotHideText() {
        // Clear the line and move up: the classic way to hide "$HOME/**" from a prompt.
        assertThat(TerminalText.escape("data/**\u001b[2K\u001b[1A\r$HOME/**")).isEqualTo("data/**\\e[2K\\e[1A\\r$HOME/**");
        assertThat(TerminalText.escape("bell\u0007del\u007fc1\u009b")).isEqualTo("bell\\x07del\\x7fc1\\x9b");
        assertThat(TerminalText.escape("a\nb")).isEqualTo("a\\nb");
        assertThat(TerminalText.escapeKeepingLines("a\nb\u001b")).isEqualTo("a\nb\\e");
    }

    @Test
    void bidirectionalControlsAndSeparatorsAreShown() {
        assertThat(TerminalText.escape("safe\u202eexe.txt")).isEqualTo("safe\\u202eexe.txt");
        assertThat(TerminalText.escape("x\u2066y\u2069\u2028")).isEqualTo("x\\u2066y\\u2069\\u2028");
    }

    @Test
    void backslashesAreDoubledSoEscapesAreUnambiguous() {
        assertThat(TerminalText.escape("literal \\e and real \u001b")).isEqualTo("literal \\\\e and real \\e");
    }
}
