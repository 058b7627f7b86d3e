package dev.hype.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The passing example test that {@code hype pkg init} writes into a new package. */
public final class ExampleTest {
    private ExampleTest() {
    }

    /**
     * Return the example test for a package.
     *
     * @param packageName the package's name, used in the describe block
     * @param specifier   what the test passes to {@code require} to load the package's main module
     */
    public static String text(String packageName, String specifier) {
        try (InputStream in = ExampleTest.class.getResourceAsStream("example_test.lua")) {
            if (in == null) {
                throw new IllegalStateException("example_test.lua is missing from the distribution");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{name}}", packageName)
                    .replace("{{require}}", specifier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
