package dev.hype.cli.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hype test} with options it refuses, a package with no tests, and the TAP and JUnit reports of a file that
 * prints, has pending tests and uses characters XML must escape.
 */
class TestCommandOptionsTest {
    @TempDir
    Path dir;

    private TestCommandTest.Run test(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "test";
        all[1] = "-C";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return TestCommandTest.hype(all);
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheOption() {
        TestCommandTest.Run jobs = test("--jobs", "0");
        assertThat(jobs.status()).isEqualTo(2);
        assertThat(jobs.err()).contains("--jobs must be at least 1, got 0");
        TestCommandTest.Run timeout = test("--timeout", "-3");
        assertThat(timeout.status()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout must be a positive number of seconds, got -3.0");
        TestCommandTest.Run reporter = test("-r", "fancy");
        assertThat(reporter.status()).isEqualTo(2);
        assertThat(reporter.err()).contains("unknown reporter 'fancy' (choose one of ");
    }

    @Test
    void aPackageWithoutTestsSaysWhereItLooked() throws Exception {
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"empty\", \"version\": \"1.0.0\"}");
        TestCommandTest.Run run = test();
        assertThat(run.err()).contains("hype test: no test files found in " + dir.toRealPath())
                .contains("or the 'test' globs of hype.json");
    }

    private void writeTests() throws Exception {
        Files.createDirectories(dir.resolve("test"));
        Files.writeString(dir.resolve("test/marks_test.lua"), """
                print("a & b <c>\\r\\1")
                describe("marks & <signs>", function()
                  it("passes", function() assert.are.equal(1, 1) end)
                  pending("waits for a fix")
                  it("is a todo")
                end)
                """);
    }

    @Test
    void tapShowsTheFilesOutputAndPendingTestsAsSkips() throws Exception {
        writeTests();
        TestCommandTest.Run run = test("-r", "tap");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("# a & b <c>")
                .contains("ok 1 - marks & <signs> passes\n")
                .containsPattern("ok 2 - marks & <signs> waits for a fix # SKIP \\S")
                .contains("ok 3 - marks & <signs> is a todo # SKIP");
    }

    @Test
    void junitEscapesMarkupAndDropsWhatXmlCannotHold() throws Exception {
        writeTests();
        TestCommandTest.Run run = test("-r", "junit");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("<system-out>a &amp; b &lt;c&gt;&#13;\uFFFD\n</system-out>")
                .contains("name=\"marks &amp; &lt;signs&gt; passes\"");
    }

    @Test
    void osExitInATestFileOrATestIsReportedAsTheFilesError() throws Exception {
        Files.createDirectories(dir.resolve("test"));
        Files.writeString(dir.resolve("test/top_test.lua"), "os.exit(3)\n");
        Files.writeString(dir.resolve("test/inner_test.lua"), """
                it("exits", function() os.exit(4) end)
                it("never runs", function() end)
                """);
        TestCommandTest.Run run = test();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("the test file called os.exit(3)")
                .contains("a test called os.exit(4); the file's remaining tests did not run");
    }

    @Test
    void theTestFieldOfHypeJsonIsAGlobOrAListOfGlobs() throws Exception {
        Files.createDirectories(dir.resolve("checks"));
        Files.writeString(dir.resolve("checks/one.lua"), "it('runs from the glob', function() end)\n");
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"p\", \"test\": \"checks/*.lua\"}");
        TestCommandTest.Run glob = test("-r", "tap");
        assertThat(glob.status()).as(glob.err()).isZero();
        assertThat(glob.out()).contains("ok 1 - runs from the glob");

        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"p\", \"test\": 5}");
        TestCommandTest.Run number = test();
        assertThat(number.status()).isEqualTo(1);
        assertThat(number.err()).contains("field 'test' must be a glob or a list of globs")
                .contains("for example \"test\": [\"test/**/*_test.lua\"]");
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"p\", \"test\": [\"a\", 1]}");
        assertThat(test().err()).contains("field 'test' must be a glob or a list of globs");
        Files.writeString(dir.resolve("hype.json"), "{\"name\": ");
        TestCommandTest.Run broken = test();
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("hype.json is not valid JSON");
    }

    @Test
    void aBustedFileThatDoesNotRunOrHasABadPatternIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("spec"));
        Files.writeString(dir.resolve("spec/a_spec.lua"), "it('a', function() end)\n");
        Files.writeString(dir.resolve(".busted"), "return { _all = { ROOT = ");
        TestCommandTest.Run broken = test();
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("cannot read ").contains(".busted");

        Files.writeString(dir.resolve(".busted"), "return { default = { pattern = \"[a\" } }");
        TestCommandTest.Run pattern = test();
        assertThat(pattern.status()).isEqualTo(1);
        assertThat(pattern.err()).contains("bad pattern in .busted");
    }
}
