package dev.hype.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Wait for the launcher's check of the sources before running anything.
 *
 * <p>The launcher ({@code ./hype}) rebuilds the distribution when Hype's sources are newer than
 * it. Walking the sources takes a few milliseconds, so once a distribution exists the launcher
 * runs that walk beside the JVM's start instead of before it, and passes its answer through a
 * pipe named by the system property {@code hype.sources}: {@code same} or {@code changed}. This
 * class reads that answer first thing in {@code main}. When the sources changed, nothing of this
 * (stale) distribution runs: the launcher is started again with the same arguments and
 * {@code HYPE_CHECK_SOURCES_FIRST=1}, so it checks before starting the JVM and builds, and this
 * process ends with that run's status.
 */
final class SourcesGate {
    static final String PROPERTY = "hype.sources";
    static final String CHECK_FIRST = "HYPE_CHECK_SOURCES_FIRST";

    private SourcesGate() {
    }

    /** Return without effect when the sources are unchanged (or no check was passed); otherwise never return. */
    static void await(String[] args) {
        String pipe = System.getProperty(PROPERTY);
        if (pipe == null || answer(pipe).equals("same")) {
            return;
        }
        Runtime.getRuntime().halt(runLauncherAgain(args));
    }

    /** The launcher's answer, or {@code changed} when it cannot be read: checking again is always safe. */
    private static String answer(String pipe) {
        try (InputStream in = new FileInputStream(pipe)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "changed";
        }
    }

    private static int runLauncherAgain(String[] args) {
        String launcher = System.getProperty("hype.argv0", System.getProperty("hype.launcher"));
        if (launcher == null) {
            System.err.println("hype: the sources changed since the distribution was built; run ./hype again to rebuild it");
            return 1;
        }
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(CHECK_FIRST, "1");
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            System.err.println("hype: the sources changed since the distribution was built, and " + launcher
                    + " could not be started again to rebuild it: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
