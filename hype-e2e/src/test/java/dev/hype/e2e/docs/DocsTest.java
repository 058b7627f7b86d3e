package dev.hype.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hype.e2e.Hype;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code lua} and {@code sh} example of README.md and docs/ runs through the real launcher and
 * shows what the page says it shows. The convention the pages follow is in docs/testing.md
 * ("Examples in the docs are tests") and {@link DocPage}.
 */
class DocsTest {
    @TempDir
    Path temp;

    static Stream<String> pages() {
        Path root = Hype.checkout();
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            List<String> names = docs.filter(p -> p.toString().endsWith(".md"))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
            return Stream.concat(Stream.of("README.md"), names.stream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DocPage page(String name) {
        try {
            return DocPage.parse(name, Files.readString(Hype.checkout().resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyExampleOnThePageHolds(String name) {
        DocPage page = page(name);
        try (PageRun run = new PageRun(page, temp)) {
            List<String> failures = run.run();
            if (!failures.isEmpty()) {
                fail(failures.size() + " example(s) of " + name + " do not hold:\n\n" + String.join("\n\n", failures));
            }
        }
    }

    @Test
    void examplesThatCannotRunSayWhy() {
        StringBuilder list = new StringBuilder("Examples the docs mark as unable to run:\n");
        long run = 0;
        int skipped = 0;
        for (String name : pages().toList()) {
            DocPage page = page(name);
            run += page.examples();
            for (DocStep.Skipped s : page.skipped()) {
                list.append("  ").append(name).append(':').append(s.line()).append(" (").append(s.language())
                        .append(") ").append(s.firstLine()).append("\n      because ").append(s.reason()).append('\n');
                assertThat(s.reason()).as("%s:%d", name, s.line()).isNotBlank();
                skipped++;
            }
        }
        System.out.print(list.append(run).append(" examples run, ").append(skipped).append(" skipped\n"));
        assertThat(run).isPositive();
    }
}
