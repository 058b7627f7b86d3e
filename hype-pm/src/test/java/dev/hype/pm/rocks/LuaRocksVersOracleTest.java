package dev.hype.pm.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-check versions and constraints against LuaRocks' own {@code luarocks.core.vers}, run by {@code lua5.4}:
 * random versions compared pairwise, and random constraints matched against them. Every disagreement is a bug,
 * except the two documented ones of {@link RockConstraint#toVersionSet()}.
 */
class LuaRocksVersOracleTest {
    private static final String[] WORDS = {"alpha", "beta", "rc", "pre", "scm", "dev", "cvs", "foo", "RC", "b", "z"};
    private static final String[] SEPARATORS = {".", ".", ".", "-", "_", ""};
    private static final String[] OPERATORS = {"==", "~=", "<", "<=", ">", ">=", "~>"};

    @TempDir
    Path temp;

    @Test
    void agreeWithLuaRocksOnRandomVersionsAndConstraints() throws Exception {
        Path vers = luarocksCore();
        Random random = new Random(Long.getLong("rocks.oracle.seed", 20261203L));
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            versions.add(version(random, true));
        }
        versions.addAll(List.of("1.0-1", "1.0.0-1", "1-1", "1.0-2", "scm-1", "dev-1", "1.14.0-3", "2.0beta2-1",
                "2.0-1", "2.0rc1-1", "0.9-1", "5.4-1", "1.0.0.1-1", "99999999999999999999-1"));
        List<String[]> constraints = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String op = OPERATORS[random.nextInt(OPERATORS.length)];
            boolean revision = !op.equals("~>") && random.nextInt(4) == 0;
            String v = random.nextInt(3) == 0 ? versions.get(random.nextInt(versions.size())).replaceAll("-\\d+$", "")
                    : version(random, false);
            constraints.add(new String[] {op, revision ? v + "-" + (1 + random.nextInt(3)) : v});
        }
        List<String> lua = run(vers, versions, constraints);
        int n = versions.size();
        List<RockVersion> parsed = versions.stream().map(RockVersion::parse).toList();
        List<String> disagreements = new ArrayList<>();
        int line = 0;
        for (int i = 0; i < n; i++) {
            String row = lua.get(line++);
            for (int j = 0; j < n; j++) {
                RockVersion a = parsed.get(i);
                RockVersion b = parsed.get(j);
                char theirs = row.charAt(j);
                char ours = a.luaEquals(b) ? '=' : a.compareTo(b) < 0 ? '<' : b.compareTo(a) < 0 ? '>' : '~';
                if (ours != theirs) {
                    disagreements.add(versions.get(i) + " vs " + versions.get(j) + ": LuaRocks " + theirs + ", ours " + ours);
                }
                int encoded = Integer.signum(a.toVersion().compareTo(b.toVersion()));
                if (theirs == '<' && encoded >= 0 || theirs == '>' && encoded <= 0) {
                    disagreements.add("encoded order of " + versions.get(i) + " vs " + versions.get(j) + " is " + encoded);
                }
            }
        }
        int satisfied = 0;
        for (String[] c : constraints) {
            String row = lua.get(line++);
            RockConstraint constraint = RockConstraint.parse(c[0] + " " + c[1]);
            boolean partialWithRevision = c[0].equals("~>") && RockVersion.parse(c[1]).hasRevision();
            VersionSet set = partialWithRevision ? null : constraint.toVersionSet();
            VersionSet among = constraint.among(parsed);
            for (int j = 0; j < n; j++) {
                boolean theirs = row.charAt(j) == '1';
                RockVersion v = parsed.get(j);
                Version encoded = v.toVersion();
                satisfied += theirs ? 1 : 0;
                if (constraint.matches(v) != theirs) {
                    disagreements.add(versions.get(j) + " " + c[0] + " " + c[1] + ": LuaRocks " + theirs);
                }
                if (among.contains(encoded) != theirs) {
                    disagreements.add("exact set of " + c[0] + " " + c[1] + " for " + versions.get(j));
                }
                boolean lengthQuirk = (c[0].equals("==") || c[0].equals("~="))
                        && RockVersion.parse(c[1]).compareComponents(v) == 0;
                if (set != null && !lengthQuirk && set.contains(encoded) != theirs) {
                    disagreements.add("interval of " + c[0] + " " + c[1] + " for " + versions.get(j) + ": LuaRocks "
                            + theirs);
                }
            }
        }
        assertThat(disagreements).as("disagreements with luarocks.core.vers").isEmpty();
        assertThat(satisfied).as("satisfied pairs").isGreaterThan(constraints.size() * n / 10);
    }

    private static String version(Random random, boolean withRevision) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            if (random.nextInt(5) == 0) {
                text.append(WORDS[random.nextInt(WORDS.length)]);
            } else {
                text.append(random.nextInt(4) == 0 ? random.nextInt(3000) : random.nextInt(4));
            }
        }
        if (text.charAt(0) == '-' || text.charAt(0) == '_' || text.charAt(0) == '.') {
            text.insert(0, '1');
        }
        if (withRevision) {
            text.append('-').append(random.nextInt(4));
        }
        return text.toString();
    }

    /** Ask lua5.4 with LuaRocks' vers.lua: a row of comparisons per version, a row of matches per constraint. */
    private List<String> run(Path luarocksRoot, List<String> versions, List<String[]> constraints) throws Exception {
        Path input = temp.resolve("input.txt");
        StringBuilder text = new StringBuilder().append(versions.size()).append('\n');
        versions.forEach(v -> text.append(v).append('\n'));
        constraints.forEach(c -> text.append(c[0]).append(' ').append(c[1]).append('\n'));
        Files.writeString(input, text);
        Path script = temp.resolve("oracle.lua");
        Files.writeString(script, """
                package.path = arg[1] .. "/?.lua;" .. package.path
                local vers = require("luarocks.core.vers")
                local lines = {}
                for l in io.lines(arg[2]) do lines[#lines + 1] = l end
                local n = tonumber(lines[1])
                local vs = {}
                for i = 1, n do vs[i] = vers.parse_version(lines[i + 1]) end
                for i = 1, n do
                  local row = {}
                  for j = 1, n do
                    local a, b = vs[i], vs[j]
                    row[j] = a == b and "=" or a < b and "<" or b < a and ">" or "~"
                  end
                  print(table.concat(row))
                end
                for k = n + 2, #lines do
                  local op, v = lines[k]:match("^(%S+) (%S+)$")
                  local row = {}
                  for j = 1, n do
                    local c = { { op = op, version = vers.parse_version(v) } }
                    row[j] = vers.match_constraints(vs[j], c) and "1" or "0"
                  end
                  print(table.concat(row))
                end
                """);
        Process process = new ProcessBuilder("lua5.4", script.toString(), luarocksRoot.toString(), input.toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    /** Return the directory holding {@code luarocks/core/vers.lua}, skipping when LuaRocks or lua5.4 is absent. */
    static Path luarocksCore() {
        for (String version : List.of("5.4", "5.3", "5.1")) {
            Path dir = Path.of("/usr/share/lua", version);
            if (Files.isRegularFile(dir.resolve("luarocks/core/vers.lua"))) {
                assumeTrue(onPath("lua5.4"), "lua5.4 is not installed (scripts/install-test-tools.sh installs it)");
                return dir;
            }
        }
        assumeTrue(false, "LuaRocks is not installed (scripts/install-test-tools.sh installs it)");
        return null;
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
