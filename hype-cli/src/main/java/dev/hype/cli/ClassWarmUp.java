package dev.hype.cli;

import java.util.List;
import java.util.Set;

/**
 * Initialize, on a second thread, classes whose static initializers an install is sure to run and which cost it time
 * on its main thread, while that thread sets up the command line and reads the project.
 *
 * <p>The one that counts: jackson-core's parser base class, whose constants make JDK 25 initialize
 * {@code BigDecimal}, which computes large powers of five in the interpreter (JDK-8341470): 10-15 ms of a warm
 * install's main thread on this project's machine. Then the security providers and SHA-512, which every install
 * uses to check packages (a few ms more). Class initialization is safe across threads (the JVM makes the
 * main thread wait for one already under way), and none of these initializers depends on the main thread's. A
 * failure here only costs the time it would have saved.
 */
final class ClassWarmUp {
    /** The {@code pkg} subcommands that install: they read the project and its lockfile as JSON. */
    private static final Set<String> INSTALLS = Set.of("install", "i", "add", "ci", "update", "remove", "rm",
            "uninstall");
    private static final List<String> CLASSES = List.of("com.fasterxml.jackson.core.base.ParserMinimalBase");

    private ClassWarmUp() {
    }

    /** Start the warm-up when {@code args} run an install; return at once. */
    static void startFor(String[] args) {
        if (args.length < 2 || !args[0].equals("pkg") || !INSTALLS.contains(args[1])) {
            return;
        }
        Thread thread = new Thread(ClassWarmUp::run, "hype-class-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        ClassLoader loader = ClassWarmUp.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return; // the main thread meets the same class and reports what is wrong with it
            }
        }
        try {
            java.security.MessageDigest.getInstance("SHA-512");
        } catch (java.security.NoSuchAlgorithmException e) {
            // the main thread meets the same and reports it
        }
    }
}
