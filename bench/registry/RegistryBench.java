import dev.hype.registry.server.PackageFixture;
import dev.hype.registry.server.TestRegistry;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Start the registry for the wrk benchmark: seed it with packages and print one line,
 * {@code READY <url> <token>}, then serve until the process is stopped.
 *
 * <p>Run by {@code bench/registry/run.sh} with the hype-registry jars and test-jar on the class
 * path: {@code java -cp ... RegistryBench.java STORAGE PORT PACKAGES VERSIONS}.
 */
public final class RegistryBench {

    private RegistryBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path storage = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int packages = Integer.parseInt(args[2]);
        int versions = Integer.parseInt(args[3]);
        TestRegistry registry = TestRegistry.startIn(storage, config -> config.withPort(port));
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        for (int p = 0; p < packages; p++) {
            String name = String.format("bench-pkg-%04d", p);
            for (int v = 0; v < versions; v++) {
                var fixture = PackageFixture.of(name, "1." + v + ".0")
                    .field("description", "benchmark package " + p)
                    .keywords("bench", "lua")
                    .dep("bench-pkg-0000", "^1.0.0")
                    .file("lib/" + name + ".lua", "return { version = '1." + v + ".0' }\n".repeat(50));
                var response = fixture.publish(registry);
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("seeding " + name + " failed: " + response.body());
                }
            }
        }
        System.out.println("READY " + registry.url() + " " + registry.token());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
