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
}
