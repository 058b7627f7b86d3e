package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hype test} through the launcher: discovery, relative requires, filters, reporters, coverage, {@code .busted}. */
class TestCommandTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void createPackage() {
        hype = Hype.in(temp);
        hype.write("hype.json", "{\"name\": \"calc\", \"version\": \"1.0.0\"}\n");
        hype.write("src/calc.lua", """
                local M = {}
                function M.add(a, b) return a + b end
                function M.unused(a)
                  return a * 2
                end
                return M
                """);
        hype.write("spec/unit/calc_spec.lua", """
                local calc = require("../../src/calc")
                describe("calc", function()
                  it("adds #fast", function() assert.equals(3, calc.add(1, 2)) end)
                  it("adds negatives", function() assert.equals(-3, calc.add(-1, -2)) end)
                end)
                """);
    }

    @Test
    void specsRequireRelativeToThemselvesAndFailuresExitOne() {
        assertThat(hype.run("test").assertSuccess().stdout()).contains("2 passed, 0 failed, 0 skipped");

        hype.write("test/broken_test.lua", "it('fails', function() assert.equals(1, 2) end)\n");
        Result failed = hype.run("test").assertExit(1);
        assertThat(failed.stdout()).contains("FAIL test/broken_test.lua").contains("2 passed, 1 failed, 0 skipped");
    }

    @Test
    void filtersChooseTests() {
        assertThat(hype.run("test", "-t", "negatives").assertSuccess().stdout()).contains("1 passed, 0 failed");
        assertThat(hype.run("test", "--tags", "fast").assertSuccess().stdout()).contains("1 passed, 0 failed");
        assertThat(hype.run("test", "--filter-out", "neg").assertSuccess().stdout()).contains("1 passed, 0 failed");
        hype.run("test", "--filter", "(").assertExit(2);
    }

    @Test
    void machineReportersWriteToAFile() {
        hype.run("test", "--reporter", "junit", "-o", "junit.xml").assertSuccess();
        assertThat(hype.read("junit.xml")).startsWith("<?xml").contains("<testsuites").contains("calc adds negatives");

        assertThat(hype.run("test", "-r", "tap").assertSuccess().stdout()).startsWith("TAP version 13").contains("1..2");
        assertThat(hype.run("test", "--reporter", "json").assertSuccess().stdout()).contains("\"summary\"")
                .contains("\"passed\"");
    }

    @Test
    void coverageWritesLcovAndASummary() {
        Result result = hype.run("test", "--coverage").assertSuccess();

        assertThat(result.stdout()).contains("Coverage:").contains("src/calc.lua").contains("missed 4")
                .contains("LCOV written to coverage/lcov.info");
        assertThat(hype.read("coverage/lcov.info")).contains("SF:").contains("DA:4,0").contains("end_of_record");
    }

    @Test
    void aBustedFileChoosesTheRootAndPattern() {
        hype.write("checks/more_check.lua", "it('runs', function() end)\n");
        hype.write(".busted", "return { default = { ROOT = { 'checks' }, pattern = '_check' } }\n");

        Result result = hype.run("test").assertSuccess();

        assertThat(result.stdout()).contains("checks/more_check.lua").doesNotContain("calc_spec")
                .contains("1 passed, 0 failed");
    }
}
