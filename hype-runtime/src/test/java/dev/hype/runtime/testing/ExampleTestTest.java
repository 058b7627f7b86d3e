package dev.hype.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleTestTest {

    @Test
    void theExampleTestPassesInANewPackage(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("greeter.lua"), "return { greet = function(n) return 'hi ' .. n end }\n");
        Files.createDirectories(root.resolve("test"));
        Files.writeString(root.resolve("test/greeter_test.lua"), ExampleTest.text("greeter", "greeter"));
        List<FileResult> results = new ArrayList<>();
        TestSummary summary = new TestRunner(TestFileHost.packagePath())
                .run(TestDiscovery.discover(root, root, List.of()), TestOptions.of(root), results::add);
        assertThat(summary.passed()).isEqualTo(4);
        assertThat(summary.ok()).isTrue();
        assertThat(results.getFirst().tests().getFirst().fullName()).isEqualTo("greeter loads");
    }
}
