package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.semver.Version;
import dev.hype.pm.store.PackageRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static PackageRef ref(String name) {
        return new PackageRef(name, Version.parse("1.0.0"), Integrity.sha512(name.getBytes()), URI.create("file:/x.tgz"));
    }

    @Test
    void redrawsOneLineAndEndsItWhenEveryPackageIsStored() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false);
        bar.resolved(2);
        bar.fetching(ref("a"));
        bar.stored(ref("a"));
        bar.stored(ref("b"));
        assertThat(text.toString()).contains("\r[------------------------] 0/2 packages, 0 downloaded")
                .contains("\r[############------------] 1/2 packages, 1 downloaded")
                .endsWith("\r[########################] 2/2 packages, 1 downloaded\u001b[K" + System.lineSeparator())
                .doesNotContain("\u001b[32m");
    }

    @Test
    void colourIsUsedOnlyWhenAllowed() {
        StringWriter text = new StringWriter();
        new ProgressBar(new PrintWriter(text), true).resolved(1);
        assertThat(text.toString()).contains("\u001b[32m");
    }

    @Test
    void plainLinesWhenNotATerminal() {
        assertThat(ProgressBar.forTerminal(new PrintWriter(new StringWriter()), false)).isInstanceOf(ConsoleReporter.class);
    }

    @Test
    void messagesEndTheBarLineAndArePrintedWhole() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false);
        bar.resolved(1);
        bar.waitingForLock(java.nio.file.Path.of("/project/hype_modules.lock"));
        bar.recovered(new dev.hype.pm.install.ProjectCommit.Recovery(true, java.util.List.of("a@1.0.0 missing"), 2));
        bar.commandsLinked(ref("tool"), java.util.List.of("tool", "tool-admin"));
        bar.binNotLinked("bin 'x' of tool points outside the package");
        String n = System.lineSeparator();
        assertThat(text.toString())
                .contains("\u001b[K" + n + "waiting for another install in this project (hype_modules.lock)" + n)
                .contains("finished an install that was interrupted" + n
                        + "undid an install that was interrupted; its new tree was incomplete (a@1.0.0 missing)" + n
                        + "removed 2 leftovers of interrupted installs" + n)
                .contains("tool@1.0.0 provides the commands tool, tool-admin (hype_modules/.bin; run as tool with its"
                        + " permissions)" + n)
                .endsWith("warning: bin 'x' of tool points outside the package" + n);
    }

    @Test
    void plainLinesSayTheSame() {
        StringWriter text = new StringWriter();
        ConsoleReporter plain = new ConsoleReporter(new PrintWriter(text));
        plain.waitingForLock(java.nio.file.Path.of("/project/hype_modules.lock"));
        plain.recovered(new dev.hype.pm.install.ProjectCommit.Recovery(false, java.util.List.of(), 1));
        String n = System.lineSeparator();
        assertThat(text.toString()).isEqualTo("waiting for another install in this project (hype_modules.lock)" + n
                + "removed 1 leftover of interrupted installs" + n);
    }
}
