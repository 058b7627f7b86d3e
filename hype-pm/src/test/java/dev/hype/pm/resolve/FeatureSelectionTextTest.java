package dev.hype.pm.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FeatureSelection#toString()} is written out, not generated, and must stay the text the generated one gave:
 * install markers written by earlier versions key their tree by it, so a different text would make the next
 * install after an upgrade run in full.
 */
class FeatureSelectionTextTest {
    @Test
    void theTextIsTheRecordsOwn() {
        assertThat(FeatureSelection.LOCKED).hasToString(
                "FeatureSelection[features=[], defaultFeatures=true, allFeatures=false, keepLocked=true]");
        assertThat(FeatureSelection.of(List.of("zip", "dep/x"), false, true)).hasToString(
                "FeatureSelection[features=[zip, dep/x], defaultFeatures=false, allFeatures=true, keepLocked=false]");
    }
}
