package dev.hype.cli.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.cli.Main;
import dev.hype.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class TestCommandTest {

    record Run(int status, String out, String err) {
    }

    static Path fixture(String name) {
        try {
            return Path.of(TestCommandTest.class.getResource("/testrunner/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Run hype(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, Terminal.of(new ByteArrayInputStream(new byte[0]), out, err));
        String text = out.toString(StandardCharsets.UTF_8).replaceAll("Time: \\d+\\.\\d+s", "Time: [TIME]");
        return new Run(status, text, err.toString(StandardCharsets.UTF_8));
    }

    static Run test(String fixture, String... args) {
        List<String> all = new ArrayList<>(List.of("test", "-C", fixture(fixture).toString()));
        all.addAll(List.of(args));
        return hype(all.toArray(String[]::new));
    }

    @Test
    void testFilesRequireInstalledPackagesAndBuiltinsAsThePackageDoes(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("hype.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"exports\": \"./lib.lua\"}");
        java.nio.file.Files.writeString(dir.resolve("lib.lua"), "return { twice = function(n) return 2 * n end }\n");
        Path dep = java.nio.file.Files.createDirectories(dir.resolve("hype_modules/dep"));
        java.nio.file.Files.writeString(dep.resolve("hype.json"), "{\"name\": \"dep\", \"version\": \"1.0.0\"}");
        java.nio.file.Files.writeString(dep.resolve("index.lua"), "return { answer = 42 }\n");
        Path tests = java.nio.file.Files.createDirectories(dir.resolve("test"));
        java.nio.file.Files.writeString(tests.resolve("deps_test.lua"), """
                describe("requires", function()
                  it("finds an installed package", function() assert.equals(42, require("dep").answer) end)
                  it("finds the package itself by name", function() assert.equals(4, require("app").twice(2)) end)
                  it("finds built-ins", function() assert.equals("a/b", require("path").join("a", "b")) end)
                end)
                """);
        Run run = hype("test", "-C", dir.toString());
        assertThat(run.out()).as(run.err()).contains("3 passed, 0 failed, 0 skipped");
        assertThat(run.status()).isZero();
    }

    @Test
    void relativeRequiresInATestFileResolveFromTheTestFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/calc.lua"), "return { add = function(a, b) return a + b end }\n");
        Files.createDirectories(dir.resolve("spec/unit"));
        Files.writeString(dir.resolve("spec/unit/fixture.lua"), "return 'beside the spec'\n");
        Files.writeString(dir.resolve("spec/helper.lua"), "helper_saw = require('./unit/fixture')\n");
        Files.writeString(dir.resolve(".busted"), "return { _all = { helper = 'spec/helper.lua' } }\n");
        Files.writeString(dir.resolve("spec/unit/calc_spec.lua"), """
                local calc = require("../../src/calc")
                local fixture = require("./fixture")
                describe("relative requires", function()
                  it("resolve from the spec file", function()
                    assert.equals(3, calc.add(1, 2))
                    assert.equals("beside the spec", fixture)
                  end)
                  it("resolve from the spec file inside a test too", function()
                    assert.equals(calc, require("../../src/calc"))
                  end)
                  it("resolve from the helper's own directory in the helper", function()
                    assert.equals("beside the spec", helper_saw)
                  end)
                end)
                """);

        Run run = hype("test", "-C", dir.resolve("spec").toString());

        assertThat(run.out()).as(run.err()).contains("3 passed, 0 failed, 0 skipped");
        assertThat(run.status()).isZero();
    }

    @Test
    void aMissingRelativeModuleIsNamedFromTheTestFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        Files.createDirectories(dir.resolve("test"));
        Files.writeString(dir.resolve("test/a_test.lua"), "local x = require('../nope')\n");

        Run run = hype("test", "-C", dir.toString());

        assertThat(run.out()).contains("cannot find module '../nope' required by test/a_test.lua")
                .contains(dir.toRealPath().resolve("nope.lua").toString());
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void passingPackageReportsEveryFileAndExitsZero() {
        Run run = test("passing", "--verbose");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                PASS spec/busted_style_spec.lua (8 passed, 2 skipped)
                  ✓ a busted spec runs setup once, then before_each before every test
                  ✓ a busted spec resets state with before_each
                  ✓ a busted spec a nested block runs the outer before_each first
                  ✓ a busted spec a nested block can run cleanup with finally
                  ✓ a busted spec assertions has modifiers
                  ✓ a busted spec assertions spies on functions
                  ✓ a busted spec assertions stubs functions
                  ✓ a busted spec assertions counts calls of a new spy
                  - a busted spec is not written yet (pending)
                  - a busted spec can be marked pending from inside (pending: waiting for a fix)
                PASS test/calc_test.lua (5 passed)
                  ✓ calc adds
                  ✓ calc divides
                  ✓ calc sums a list
                  ✓ calc counts in a coroutine
                  ✓ calc keeps plain assert working

                13 passed, 0 failed, 2 skipped
                Time: [TIME]
                """);
        assertThat(run.status()).isZero();
    }

    @Test
    void pkgTestIsTheSameCommand() {
        Run run = hype("pkg", "test", "-C", fixture("passing").toString(), "-j", "1");
        assertThat(run.out()).contains("\n13 passed, 0 failed, 2 skipped\nTime: [TIME]\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void failuresShowNameLocationExpectedActualDiffAndTraceback() {
        Run run = test("failing");
        assertThat(run.out()).isEqualTo("""
                FAIL test/math_test.lua (1 passed, 4 failed, 1 skipped)
                  ✗ math compares numbers
                  ✗ math compares tables
                  ✗ math explains with a message
                  ✗ math errors (error)
                  - math is pending (pending)
                FAIL test/outside_test.lua (1 passed, 1 failed)
                  ✗ broken block (error)
                FAIL test/syntax_test.lua (0 passed, 1 failed)
                  ✗ test/syntax_test.lua (error outside any test)

                Failures:

                1) math compares numbers
                   test/math_test.lua:7
                   Expected objects to be equal.
                   Expected: 5
                   Actual:   4
                   stack traceback:
                   \ttest/math_test.lua:7: in function <test/math_test.lua:6>

                2) math compares tables
                   test/math_test.lua:11
                   Expected objects to be the same.
                   Expected:
                   {
                     langs = { "lua", "c" },
                     name = "ada"
                   }
                   Actual:
                   {
                     langs = { "lua", "java" },
                     name = "ada"
                   }
                   Diff (- expected, + actual):
                     {
                   -   langs = { "lua", "c" },
                   +   langs = { "lua", "java" },
                       name = "ada"
                     }
                   stack traceback:
                   \ttest/math_test.lua:11: in function <test/math_test.lua:10>

                3) math explains with a message
                   test/math_test.lua:15
                   the flag should be set
                   Expected false to be true
                   stack traceback:
                   \ttest/math_test.lua:15: in function <test/math_test.lua:14>

                4) math errors (error)
                   test/math_test.lua:20
                   test/math_test.lua:20: attempt to index a nil value (local 't')
                   stack traceback:
                   \ttest/math_test.lua:20: in function <test/math_test.lua:18>

                5) broken block (error)
                   test/outside_test.lua:2
                   test/outside_test.lua:2: setup went wrong
                   stack traceback:
                   \ttest/outside_test.lua:2: in function <test/outside_test.lua:1>

                6) test/syntax_test.lua (error outside any test)
                   test/syntax_test.lua:5
                   test/syntax_test.lua:5: the file itself fails
                   stack traceback:
                   \t[C]: in function 'error'
                   \ttest/syntax_test.lua:5: in main chunk
                   \t[C]: in ?

                2 passed, 6 failed, 1 skipped
                Time: [TIME]
                """);
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void failFastReportsUpToTheFirstFailureWhateverTheJobs() {
        for (String jobs : List.of("1", "3")) {
            Run run = test("failing", "--fail-fast", "-j", jobs);
            assertThat(run.out()).startsWith("""
                    FAIL test/math_test.lua (1 passed, 1 failed)
                      ✗ math compares numbers
                    """);
            assertThat(run.out()).endsWith("\n1 passed, 1 failed, 0 skipped\nTime: [TIME]\n");
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void filtersByNameSubstring() {
        Run run = test("filtering", "-v", "-t", "parses");
        assertThat(run.out()).isEqualTo("""
                PASS spec/tags_spec.lua (2 passed)
                  ✓ parser #fast parses numbers
                  ✓ parser #fast parses strings #slow

                2 passed, 0 failed, 0 skipped
                Time: [TIME]
                """);
    }

    @Test
    void filtersByLuaPatternAndExclusion() {
        assertThat(test("filtering", "-v", "--filter", "^printer").out())
                .contains("✓ printer prints #fast\n  ✓ printer prints tables\n\n2 passed, 0 failed, 0 skipped\n");
        assertThat(test("filtering", "-v", "--filter-out", "numbers", "-t", "parser").out())
                .contains("  ✓ parser #fast parses strings #slow\n\n1 passed, 0 failed, 0 skipped\n");
    }

    @Test
    void filtersByTagsOnTestsAndDescribeBlocks() {
        assertThat(test("filtering", "-v", "--tags", "fast").out()).isEqualTo("""
                PASS spec/tags_spec.lua (3 passed)
                  ✓ parser #fast parses numbers
                  ✓ parser #fast parses strings #slow
                  ✓ printer prints #fast

                3 passed, 0 failed, 0 skipped
                Time: [TIME]
                """);
        assertThat(test("filtering", "-v", "--exclude-tags", "slow,fast").out())
                .contains("(1 passed)\n  ✓ printer prints tables\n");
    }

    @Test
    void explicitFilesAndDirectoriesOverrideDiscovery() {
        Run run = test("failing", "test/outside_test.lua");
        assertThat(run.out()).startsWith("FAIL test/outside_test.lua (1 passed, 1 failed)\n");
        assertThat(run.out()).contains("\n1 passed, 1 failed, 0 skipped\n");
        assertThat(test("passing", "spec").out()).contains("\n8 passed, 0 failed, 2 skipped\n");
    }

    @Test
    void honoursBustedConfiguration() {
        Run run = test("bustedrc", "-v");
        assertThat(run.out()).isEqualTo("""
                PASS tests/greet_check.lua (2 passed)
                  ✓ greet uses the helper
                  ✓ greet greets
                PASS tests/nested/other_check.lua (1 passed)
                  ✓ finds files in nested directories

                3 passed, 0 failed, 0 skipped
                Time: [TIME]
                """);
        assertThat(run.status()).isZero();
    }

    @Test
    void outputIsCapturedPerFileAndReportedInFileOrder() {
        for (String jobs : List.of("1", "3")) {
            Run run = test("output", "-j", jobs);
            assertThat(run.out()).isEqualTo("""
                    PASS test/a_test.lua (1 passed)
                    a: loading
                    a:\t1\tnil\ttrue
                    a: written 2.5 3
                    a: via io.stdout
                    PASS test/b_test.lua (2 passed)
                    b: hello
                    FAIL test/c_test.lua (0 passed, 1 failed)
                      ✗ test/c_test.lua (error outside any test)

                    Failures:

                    1) test/c_test.lua (error outside any test)
                       test/c_test.lua:4
                       test/c_test.lua:4: unexpected symbol near '='

                    3 passed, 1 failed, 0 skipped
                    Time: [TIME]
                    """);
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void hooksRunInBustedsOrderAndBlockErrorsAreNamedAsInBusted() {
        Run run = test("order", "-v");
        assertThat(run.out()).startsWith("""
                FAIL spec/order_spec.lua (5 passed, 3 failed, 1 skipped)
                  ✓ outer inner first
                  ✗ outer inner second fails
                  - outer inner pending with fn (pending)
                  ✗ outer broken nested setup setup (error)
                  ✓ log has the busted order
                  ✗ error midway (error)
                  ✓ outer insulate inner insulate sees both
                  ✓ outer insulate lost B
                  ✓ after lost A
                """);
        assertThat(run.out()).contains("\n5 passed, 3 failed, 1 skipped\n");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void missingPathIsAnError() {
        Run run = test("passing", "nope_test.lua");
        assertThat(run.err()).contains("error: no test file or directory at nope_test.lua");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void tapReporter() {
        Run run = test("failing", "--reporter", "tap", "test/outside_test.lua");
        assertThat(run.out()).isEqualTo("""
                TAP version 13
                # test/outside_test.lua
                not ok 1 - broken block
                  ---
                  severity: error
                  at: 'test/outside_test.lua:2'
                  message: |-
                    test/outside_test.lua:2: setup went wrong
                  traceback: |-
                    stack traceback:
                    \ttest/outside_test.lua:2: in function <test/outside_test.lua:1>
                  ...
                ok 2 - fine block still runs
                1..2
                # 1 passed, 1 failed, 0 skipped
                """);
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void junitReporterWritesValidXml(@TempDir Path temp) throws Exception {
        Path report = temp.resolve("junit.xml");
        Run run = test("failing", "--reporter", "junit", "--output", report.toString());
        assertThat(run.out()).isEmpty();
        assertThat(run.status()).isEqualTo(1);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        var root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("9");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("errors")).isEqualTo("3");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(9);
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent())
                .startsWith("test/math_test.lua:7\nExpected objects to be equal.\nExpected: 5\nActual:   4\n");
    }

    @Test
    void jsonReporter() throws Exception {
        Run run = test("passing", "--reporter", "json", "test");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/summary/passed").asInt()).isEqualTo(5);
        assertThat(json.at("/summary/failed").asInt()).isZero();
        assertThat(json.at("/files/0/file").asText()).isEqualTo("test/calc_test.lua");
        assertThat(json.at("/files/0/tests/0/fullName").asText()).isEqualTo("calc adds");
        assertThat(json.at("/files/0/tests/0/status").asText()).isEqualTo("passed");
        assertThat(run.status()).isZero();
    }

    @Test
    void coverageWritesLcovAndSummary(@TempDir Path temp) throws Exception {
        Path lcov = temp.resolve("lcov.info");
        Run run = test("passing", "--coverage", "--coverage-output", lcov.toString());
        assertThat(run.out()).contains("""
                Coverage:
                  src/calc.lua    89.7%  26/29 lines  missed 33-36
                  all files       89.7%  26/29 lines
                """);
        String text = Files.readString(lcov);
        Path calc = fixture("passing").resolve("src/calc.lua");
        assertThat(text).startsWith("TN:\nSF:" + calc + "\nDA:1,1\n");
        // the coroutine body (lines 23-27) is covered too
        assertThat(text).contains("DA:26,2\n", "DA:33,0\n", "LF:29\nLH:26\nend_of_record\n");
        assertThat(text).doesNotContain("calc_test.lua", "busted_style_spec.lua");
        assertThat(run.status()).isZero();
    }

    @Test
    void coverageWorksUnderATimeLimit(@TempDir Path temp) {
        Run run = test("passing", "--coverage", "--timeout", "30", "--coverage-output", temp.resolve("l.info").toString());
        assertThat(run.out()).contains("  src/calc.lua    89.7%  26/29 lines  missed 33-36\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void aFileOverTheTimeLimitFails() {
        Run run = test("timeout", "--timeout", "0.3");
        assertThat(run.out()).startsWith("FAIL test/loop_test.lua (0 passed, 1 failed)\n");
        assertThat(run.out()).contains("script exceeded the time limit of 300ms");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void aBadFilterPatternIsAUsageError() {
        Run run = test("passing", "--filter", "abc%");
        assertThat(run.err()).contains("--filter 'abc%' is not a valid Lua pattern: malformed pattern (ends with '%')");
        assertThat(run.out()).isEmpty();
        assertThat(run.status()).isEqualTo(2);
    }

    @Test
    void unknownReporterIsAUsageError() {
        Run run = test("passing", "--reporter", "fancy");
        assertThat(run.err()).contains("unknown reporter 'fancy'");
        assertThat(run.status()).isEqualTo(2);
    }
}
