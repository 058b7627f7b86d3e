package dev.hype.pm.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessTest {
    @Test
    void maxAgeLessTheAgeTheAnswerAlreadyHad() {
        assertThat(Freshness.seconds(List.of("public, max-age=300"), null)).isEqualTo(300);
        assertThat(Freshness.seconds(List.of("public", "Max-Age=60"), "20")).isEqualTo(40);
        assertThat(Freshness.seconds(List.of("max-age=\"30\""), null)).isEqualTo(30);
        assertThat(Freshness.seconds(List.of("max-age=30"), "90")).isZero();
    }

    @Test
    void noCacheNoStoreNoMaxAgeOrAnythingMalformedIsStale() {
        assertThat(Freshness.seconds(List.of(), null)).isZero();
        assertThat(Freshness.seconds(List.of("public"), null)).isZero();
        assertThat(Freshness.seconds(List.of("max-age=300, no-cache"), null)).isZero();
        assertThat(Freshness.seconds(List.of("no-store", "max-age=300"), null)).isZero();
        assertThat(Freshness.seconds(List.of("no-cache=\"set-cookie\", max-age=300"), null)).isZero();
        assertThat(Freshness.seconds(List.of("max-age=-5"), null)).isZero();
        assertThat(Freshness.seconds(List.of("max-age=99999999999"), null)).isZero();
        assertThat(Freshness.seconds(List.of("max-age=300"), "soon")).isZero();
    }

    @Test
    void aCachedEntryIsFreshOnlyWithinItsLifetimeAndNeverBeforeItWasStored() {
        PackumentCache.Entry entry = new PackumentCache.Entry(new byte[0], null, null, 1_000_000, 300);
        assertThat(entry.freshAt(1_000_000)).isTrue();
        assertThat(entry.freshAt(1_299_999)).isTrue();
        assertThat(entry.freshAt(1_300_000)).isFalse();
        assertThat(entry.freshAt(999_999)).as("the clock went back").isFalse();
        assertThat(new PackumentCache.Entry(new byte[0], null, null, 0, 300).freshAt(100)).as("an older entry").isFalse();
    }
}
