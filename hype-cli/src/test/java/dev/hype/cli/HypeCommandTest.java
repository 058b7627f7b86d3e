package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class HypeCommandTest {
    @Test
    void theFastPathKnowsEverySubcommand() {
        CommandLine cli = CommandTree.whole(new HypeCommand(Terminal.system()));
        assertThat(cli.getSubcommands()).isNotEmpty();
        assertThat(HypeCommand.SUBCOMMANDS).containsAll(cli.getSubcommands().keySet());
    }

    @Test
    void onlyABareFirstWordIsAPlainScript() {
        assertThat(HypeCommand.isPlainScript("app.lua")).isTrue();
        assertThat(HypeCommand.isPlainScript("-e")).isFalse();
        assertThat(HypeCommand.isPlainScript("-")).isFalse();
        assertThat(HypeCommand.isPlainScript("pkg")).isFalse();
    }

    @Test
    void plainScriptErrorsAreRenderedWithoutPicocli() {
        CliRun run = CliRun.of("no-such-script.lua");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: cannot open no-such-script.lua (no such file)\n");
    }
}
