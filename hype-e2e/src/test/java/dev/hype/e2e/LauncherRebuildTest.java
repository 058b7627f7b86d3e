package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher rebuilds the distribution when Hype's sources are newer than it, and a stale
 * distribution runs nothing of the user's. The sources are checked beside the JVM's start
 * (SourcesGate), so these tests count the program's runs and the builds: a copy of the
 * distribution whose {@code mvnw} stands in for the build, recording each call and stamping the
 * distribution as a real build does.
 */
class LauncherRebuildTest {
    @TempDir
    Path temp;

    private Path checkout;
    private Path launcher;
    private Path stamp;
    private Hype hype;

    @BeforeEach
    void copyTheDistribution() throws IOException {
        checkout = temp.resolve("checkout");
        launcher = DistributionCopy.make(checkout, true);
        stamp = checkout.resolve("hype-cli/target/dist/.built");
        Path mvnw = checkout.resolve("mvnw");
        Files.writeString(mvnw, """
                #!/usr/bin/env bash
                echo "$*" >>builds.log
                echo sources-gate >hype-cli/target/dist/.built
                """);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(checkout.resolve("hype-cli/src/main/java"));
        Files.writeString(checkout.resolve("hype-cli/src/main/java/Edited.java"), "class Edited {}\n");
        hype = Hype.in(temp.resolve("app")).env("HYPE_JAVAAGENT", null);
        hype.write("count.lua", "local f = assert(io.open('runs.txt', 'a')) f:write('run\\n') f:close() print('ran')\n");
    }

    @Test
    void unchangedSourcesRunTheProgramOnceAndBuildNothing() throws IOException {
        stampedAfterTheSources("sources-gate");

        Result run = hype.runProgram(launcher.toString(), "count.lua").assertSuccess();

        assertThat(run.stdout()).isEqualTo("ran\n");
        assertThat(run.stderr()).doesNotContain("building");
        assertThat(hype.read("runs.txt")).isEqualTo("run\n");
        assertThat(checkout.resolve("builds.log")).doesNotExist();
    }

    @Test
    void changedSourcesAreBuiltBeforeTheProgramRunsOnce() throws IOException {
        stampedBeforeTheSources("sources-gate");

        Result run = hype.runProgram(launcher.toString(), "count.lua").assertSuccess();

        assertThat(run.stdout()).as(run.describe()).isEqualTo("ran\n");
        assertThat(run.stderr()).contains("hype: building the distribution");
        assertThat(hype.read("runs.txt")).as("the stale distribution ran nothing").isEqualTo("run\n");
        assertThat(Files.readAllLines(checkout.resolve("builds.log"))).hasSize(1).first().asString().contains("package");

        // Built: the next run neither builds nor asks again.
        Result again = hype.runProgram(launcher.toString(), "count.lua").assertSuccess();
        assertThat(again.stderr()).doesNotContain("building");
        assertThat(Files.readAllLines(checkout.resolve("builds.log"))).hasSize(1);
        assertThat(hype.read("runs.txt")).isEqualTo("run\nrun\n");
    }

    @Test
    void theRebuiltRunGetsTheSameArgumentsAndExitStatus() throws IOException {
        stampedBeforeTheSources("sources-gate");
        hype.write("exit.lua", "print(#arg, arg[1], arg[2]) os.exit(7)\n");

        Result run = hype.runProgram(launcher.toString(), "exit.lua", "a b", "").assertExit(7);

        assertThat(run.stdout()).isEqualTo("2\ta b\t\n");
        assertThat(Files.readAllLines(checkout.resolve("builds.log"))).hasSize(1);
    }

    @Test
    void aDistributionBuiltBeforeTheCheckMovedIsCheckedFirst() throws IOException {
        // An older build's stamp is empty: its JVM would not wait for the answer, so the launcher checks first.
        stampedBeforeTheSources("");

        Result run = hype.runProgram(launcher.toString(), "count.lua").assertSuccess();

        assertThat(run.stderr()).contains("hype: building the distribution");
        assertThat(hype.read("runs.txt")).isEqualTo("run\n");
        assertThat(stamp).content().isEqualTo("sources-gate\n");
    }

    private void stampedAfterTheSources(String content) throws IOException {
        Files.writeString(stamp, content.isEmpty() ? "" : content + "\n");
        Files.setLastModifiedTime(checkout.resolve("hype-cli/src/main/java/Edited.java"),
                FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    }

    private void stampedBeforeTheSources(String content) throws IOException {
        Files.writeString(stamp, content.isEmpty() ? "" : content + "\n");
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    }
}
