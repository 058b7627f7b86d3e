package dev.hype.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiSpecTest {
    private static Map<String, TestResult> results;

    @BeforeAll
    static void runSpec() throws URISyntaxException {
        Path root = Path.of(ApiSpecTest.class.getResource("api").toURI());
        List<TestFile> files = TestDiscovery.discover(root, root, List.of());
        List<FileResult> seen = new ArrayList<>();
        new TestRunner(TestFileHost.packagePath()).run(files, TestOptions.of(root), seen::add);
        results = new LinkedHashMap<>();
        seen.forEach(f -> f.tests().forEach(t -> results.put(t.fullName(), t)));
    }

    @Test
    void everyTestNamedPassesPasses() {
        assertThat(results.values().stream().filter(t -> t.name().startsWith("passes:")))
                .hasSizeGreaterThan(20)
                .allSatisfy(t -> assertThat(t.status()).as(t.fullName() + "\n" + t.message()).isEqualTo(TestStatus.PASSED));
    }

    @Test
    void everyTestNamedFailsFails() {
        assertThat(results.values().stream().filter(t -> t.name().startsWith("fails:")))
                .hasSizeGreaterThan(15)
                .allSatisfy(t -> assertThat(t.status().failing()).as(t.fullName()).isTrue());
    }

    @Test
    void assertionFailuresAreFailuresAndOtherErrorsAreErrors() {
        assertThat(results.get("assert fails: equals").status()).isEqualTo(TestStatus.FAILED);
        assertThat(results.get("assert fails: plain assert counts as an error").status()).isEqualTo(TestStatus.ERROR);
        assertThat(results.get("hooks fails: it inside it is rejected").message())
                .contains("'it' not supported inside current context block");
    }

    @Test
    void failureMessagesNameExpectedAndActual() {
        TestResult equals = results.get("assert fails: equals");
        assertThat(equals.message()).isEqualTo("Expected objects to be equal.\nExpected: 1\nActual:   2");
        assertThat(equals.failedAt()).endsWith("assertions_spec.lua:69");
        assertThat(results.get("assert fails: is_nil with a message").message())
                .isEqualTo("custom words\nExpected 1 to be of type nil");
        assertThat(results.get("assert fails: is_not.equal").message())
                .isEqualTo("Expected objects not to be equal.\nBoth are: 1");
        assertThat(results.get("assert fails: custom assertion").message()).isEqualTo("assertion 'even' failed");
        assertThat(results.get("spies fails: called_with other arguments").message())
                .isEqualTo("Expected the spy to be called with (2)\nCalls:\n  (1)");
    }

    @Test
    void hookFailuresFailTheirTestsOrBlock() {
        // named as busted names them: the block, then the hook
        TestResult hook = results.get("failing before_each before_each");
        assertThat(hook.status()).isEqualTo(TestStatus.ERROR);
        assertThat(hook.message()).endsWith(": hook broke");
        assertThat(results).doesNotContainKey("failing before_each fails: the test does not run");
        assertThat(results).doesNotContainKey("failing setup never runs");
        TestResult setup = results.get("failing setup setup");
        assertThat(setup.status()).isEqualTo(TestStatus.ERROR);
        assertThat(setup.message()).endsWith(": setup broke");
    }
}
