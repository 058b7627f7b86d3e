package dev.hype.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void orderBySemverPrecedence() {
        List<String> versions = new ArrayList<>(List.of("1.0.0", "1.0.0-rc.1", "0.9.10", "1.0.0-alpha", "0.9.9",
            "1.0.0-alpha.10", "1.0.0-alpha.2", "10.0.0", "2.0.0", "1.0.0-beta"));

        versions.sort(VersionOrder::compare);

        assertThat(versions).containsExactly("0.9.9", "0.9.10", "1.0.0-alpha", "1.0.0-alpha.2", "1.0.0-alpha.10",
            "1.0.0-beta", "1.0.0-rc.1", "1.0.0", "2.0.0", "10.0.0");
    }

    @Test
    void validateVersions() {
        assertThat(VersionOrder.isValid("1.2.3-beta.1+build.5")).isTrue();
        assertThat(VersionOrder.isValid("1.2")).isFalse();
        assertThat(VersionOrder.isValid("01.2.3")).isFalse();
        assertThat(VersionOrder.isValid("latest")).isFalse();
        assertThat(VersionOrder.isPrerelease("1.0.0-rc.1")).isTrue();
        assertThat(VersionOrder.isPrerelease("1.0.0+build")).isFalse();
    }
}
