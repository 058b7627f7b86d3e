package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinsTest {
    private static Bins bins(String json, String name) throws Exception {
        return Bins.of(new ObjectMapper().readTree(json), name);
    }

    @Test
    void aStringBinIsNamedForTheUnscopedPackage() throws Exception {
        assertThat(bins("{\"bin\": \"./cli.lua\"}", "@acme/fmt").commands()).isEqualTo(Map.of("fmt", "cli.lua"));
    }

    @Test
    void malformedReservedAndLeavingEntriesAreLeftOutWithTheirReason() throws Exception {
        Bins bins = bins("""
                {"bin": {"ok": "bin/ok.lua", "hype": "x.lua", "NUL.txt": "x.lua", "-x": "x.lua", "a b": "x.lua",
                 "up": "../x.lua", "abs": "/x.lua", "dots": "a/./x.lua", "meta": "x$(id).lua", "num": 3}}""", "p");
        assertThat(bins.commands()).isEqualTo(Map.of("ok", "bin/ok.lua"));
        assertThat(bins.problems()).hasSize(9).allMatch(p -> p.contains("of p is not linked"));
    }

    @Test
    void launchersRunTheFileWithHypeFromTheirOwnFolder() {
        String sh = BinShims.posix("@acme/fmt", "fmt", "bin/fmt.lua");
        assertThat(sh).startsWith("#!/bin/sh\n").endsWith(
                "exec \"${HYPE_LAUNCHER:-hype}\" \"$dir/../@acme/fmt/bin/fmt.lua\" \"$@\"\n");
        String cmd = BinShims.windows("@acme/fmt", "fmt", "bin/fmt.lua");
        assertThat(cmd).startsWith("@ECHO off\r\n").contains("IF DEFINED HYPE_LAUNCHER")
                .endsWith("\"%_hype%\" \"%~dp0..\\@acme\\fmt\\bin\\fmt.lua\" %*\r\n");
    }

    @Test
    void aBinThatIsNeitherAStringNorAnObjectLinksNothingAndSaysSo() throws Exception {
        Bins bins = bins("{\"bin\": [\"cli.lua\"]}", "p");

        assertThat(bins.commands()).isEmpty();
        assertThat(bins.problems()).containsExactly("the bin field of p is neither a string nor an object; no command"
                + " is linked");
        assertThat(bins.describe()).isEmpty();
    }

    @Test
    void installNamesTheCommandsAPackageLinks() throws Exception {
        assertThat(bins("{\"bin\": {\"fmt\": \"cli.lua\", \"fmt-check\": \"check.lua\"}}", "@acme/fmt").describe())
                .containsExactly("commands (hype_modules/.bin, run as @acme/fmt with its permissions): fmt, fmt-check");
        assertThat(Bins.of(null, "p").commands()).isEmpty();
    }
}
