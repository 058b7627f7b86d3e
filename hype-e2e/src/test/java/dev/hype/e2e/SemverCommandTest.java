package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hype semver}, which answers as node-semver's CLI does (README, docs/semver.md). */
class SemverCommandTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void createRunner() {
        hype = Hype.in(temp);
    }

    @Test
    void printsTheVersionsThatSatisfyEveryRangeSorted() {
        assertThat(hype.run("semver", "-r", "^1.2", "-r", "<1.5", "1.4.0", "1.2.3", "2.0.0", "1.2.0-beta").assertSuccess()
                .stdout()).isEqualTo("1.2.3\n1.4.0\n");
        assertThat(hype.run("semver", "-r", ">3", "1.0.0").assertExit(1).stdout()).isEmpty();
        assertThat(hype.run("semver", "-p", "-r", "^1.2", "1.2.3-beta.1", "1.3.0-alpha").assertSuccess().stdout())
                .isEqualTo("1.2.3-beta.1\n1.3.0-alpha\n");
    }

    @Test
    void incrementsCoercesAndParsesLoosely() {
        assertThat(hype.run("semver", "-i", "patch", "1.2.3-4").assertSuccess().stdout()).isEqualTo("1.2.3\n");
        assertThat(hype.run("semver", "-i", "prerelease", "--preid", "beta", "1.2.3").assertSuccess().stdout())
                .isEqualTo("1.2.4-beta.0\n");
        assertThat(hype.run("semver", "-c", "v2").assertSuccess().stdout()).isEqualTo("2.0.0\n");
        assertThat(hype.run("semver", "-c", "1.2.3.4").assertSuccess().stdout()).isEqualTo("1.2.3\n");
        assertThat(hype.run("semver", "-l", "=v1.2.3").assertSuccess().stdout()).isEqualTo("1.2.3\n");
    }
}
