package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import org.junit.jupiter.api.Test;

class SemverCommandTest {
    @Test
    void printsSatisfyingVersionsSortedAscending() {
        CliRun run = CliRun.of("semver", "-r", "^1.2", "2.0.0", "1.3.0", "1.2.3", "1.2.4-beta", "junk");
        assertThat(run.out()).isEqualTo("1.2.3\n1.3.0\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void everyRangeMustBeSatisfied() {
        assertThat(CliRun.of("semver", "-r", ">=1", "-r", "<1.3", "1.2.0", "1.3.0").out()).isEqualTo("1.2.0\n");
    }

    @Test
    void includePrereleaseLetsPrereleasesMatch() {
        assertThat(CliRun.of("semver", "-r", "^1.2", "1.2.4-beta").status()).isEqualTo(1);
        assertThat(CliRun.of("semver", "-p", "-r", "^1.2", "1.2.4-beta").out()).isEqualTo("1.2.4-beta\n");
    }

    @Test
    void exitsOneWhenNothingSatisfies() {
        CliRun run = CliRun.of("semver", "-r", ">5", "1.0.0");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(CliRun.of("semver", "not-a-version").status()).isEqualTo(1);
    }

    @Test
    void incrementsASingleVersion() {
        assertThat(CliRun.of("semver", "-i", "1.2.3").out()).isEqualTo("1.2.4\n");
        assertThat(CliRun.of("semver", "-i", "premajor", "--preid", "rc", "1.2.3").out()).isEqualTo("2.0.0-rc.0\n");
        CliRun refused = CliRun.of("semver", "-i", "major", "1.2.3", "1.2.4");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("--inc can only be used on a single version with no range");
    }

    @Test
    void coercesAndParsesLoosely() {
        assertThat(CliRun.of("semver", "-c", "v2", "release-3.4.5-x").out()).isEqualTo("2.0.0\n3.4.5\n");
        assertThat(CliRun.of("semver", "-l", "=v1.2.3").out()).isEqualTo("1.2.3\n");
    }
}
