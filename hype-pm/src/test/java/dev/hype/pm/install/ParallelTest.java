package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    @Test
    void resultsComeBackInTheItemsOrder() throws IOException {
        assertThat(Parallel.map(ITEMS, i -> "p" + i)).isEqualTo(ITEMS.stream().map(i -> "p" + i).toList());
    }

    @Test
    void noItemsGiveNoResults() throws IOException {
        assertThat(Parallel.map(List.<Integer>of(), i -> i)).isEmpty();
    }

    @Test
    void theFirstFailureInItemOrderIsThrown() {
        // items 150 and 40 both fail; whichever thread gets there first, the error is item 40's
        assertThatThrownBy(() -> Parallel.map(ITEMS, i -> {
            if (i == 150) {
                throw new IllegalStateException("item 150");
            }
            if (i == 40) {
                throw new IOException("item 40");
            }
            return i;
        })).isInstanceOf(IOException.class).hasMessage("item 40");
    }

    @Test
    void everyItemBeforeTheFirstFailureRuns() {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> Parallel.map(ITEMS, i -> {
            ran.add(i);
            if (i == 100) {
                throw new IllegalArgumentException("item 100");
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(ran).containsAll(ITEMS.subList(0, 101));
    }
}
