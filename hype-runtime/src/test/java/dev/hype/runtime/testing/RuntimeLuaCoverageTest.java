package dev.hype.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeLuaCoverageTest {
    @TempDir
    Path temp;

    private Path write(String relative, String text) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void sumsTheProcessesCountsOverEveryExecutableLineOfEverySource() throws IOException {
        write("src/dev/x/a.lua", "-- a comment\nlocal t = {}\n\nif t then\n  t.x = 1\nend\nreturn t\n");
        write("src/dev/x/b.lua", "local n = 1\nreturn n\n");
        write("src/dev/x/example_test.lua", "local ignored = 1\n");
        write("hits/lua-1.info", "SF:dev/x/a.lua\nDA:2,1\nDA:4,2\nend_of_record\nSF:dev/y/gone.lua\nDA:1,1\nend_of_record\n");
        write("hits/lua-2.info", "SF:dev/x/a.lua\nDA:2,3\nDA:1,7\nend_of_record\n");
        write("hits/.lua-3.tmp", "SF:dev/x/b.lua\nDA:1,1\nend_of_record\n");
        List<String> unknown = new ArrayList<>();

        CoverageReport report = RuntimeLuaCoverage.report(temp.resolve("hits"), List.of(temp.resolve("src")), unknown);

        assertThat(report.files()).extracting(FileCoverage::displayName).containsExactly("dev/x/a.lua", "dev/x/b.lua");
        FileCoverage a = report.files().get(0);
        // line 1 is a comment: its count (a chunk of another name on the same line) is dropped
        assertThat(a.hits()).containsEntry(2, 4L).containsEntry(4, 2L).containsEntry(5, 0L).doesNotContainKey(1)
                .doesNotContainKey(3);
        assertThat(report.files().get(1).linesHit()).isZero(); // the unfinished .tmp file is not read
        assertThat(unknown).containsExactly("dev/y/gone.lua");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RuntimeLuaCoverage.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("coverage (Lua, runtime's own Lua): lines " + String.format("%.1f", report.percent()) + "% ("
                        + report.linesHit() + " of " + report.linesFound() + ")\n")
                .contains("dev/x/a.lua").contains("dev/x/b.lua");
        assertThat(report.toLcov()).contains("SF:" + temp.resolve("src/dev/x/a.lua").toAbsolutePath().normalize())
                .contains("DA:2,4");
    }

    @Test
    void aDamagedCountFileIsNamed() throws IOException {
        write("hits/lua-1.info", "SF:dev/x/a.lua\nDA:two,1\n");
        assertThatThrownBy(() -> RuntimeLuaCoverage.readHits(temp.resolve("hits")))
                .hasMessageContaining("lua-1.info").hasMessageContaining("DA:two,1");
        assertThat(RuntimeLuaCoverage.readHits(Files.createDirectories(temp.resolve("empty")))).isEqualTo(Map.of());
    }
}
