package io.hadeck.findings;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.FindingCode;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The DRBD rules fed by what the lab's simulator really prints on both nodes. */
class DrbdRecordedPairsTest {

    static String sample(String file) throws IOException {
        return Files.readString(Path.of("src/test/resources/drbd", file));
    }

    static ClusterSnapshot pair(String fmt, String situation) throws IOException {
        return Clusters.builder()
                .drbdText("drbd-a", sample("lab-sim-" + fmt + "-" + situation + "-drbd-a.txt"))
                .drbdText("drbd-b", sample("lab-sim-" + fmt + "-" + situation + "-drbd-b.txt")).build();
    }

    @Test
    void splitBrainFromTheSimulatorIsSeenInBothFormats() throws IOException {
        for (String fmt : new String[]{"8.4", "9"}) {
            assertThat(FindingsEngineTest.codes(pair(fmt, "split-brain"))).as(fmt).contains(FindingCode.DRBD_SPLIT_BRAIN);
        }
    }

    /**
     * The simulator's scenario 5 is what an operator leaves after a split-brain: both made Secondary,
     * both StandAlone, each with writes of its own. That is still a split-brain, never "promote the
     * side with less out of sync" (which would throw away the other side's writes unasked).
     */
    @Test
    void bothSecondaryStandAloneWithWritesOnEachSideIsASplitBrain() throws IOException {
        for (String fmt : new String[]{"8.4", "9"}) {
            assertThat(FindingsEngineTest.codes(pair(fmt, "scenario5"))).as(fmt).contains(FindingCode.DRBD_SPLIT_BRAIN)
                    .doesNotContain(FindingCode.DRBD_BOTH_SECONDARY);
        }
    }

    @Test
    void resyncFromTheSimulatorIsInformation() throws IOException {
        assertThat(FindingsEngineTest.codes(pair("8.4", "resync"))).contains(FindingCode.DRBD_RESYNC);
        assertThat(FindingsEngineTest.codes(pair("9", "resync"))).contains(FindingCode.DRBD_RESYNC);
    }
}
