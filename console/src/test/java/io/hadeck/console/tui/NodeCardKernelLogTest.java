package io.hadeck.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.DrbdKernelLog.SplitBrain;
import io.hadeck.testkit.Clusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A StandAlone DRBD card says what the node's kernel log settled: the split-brain it reported, or
 * that the log could not be read, so "StandAlone" is never mistaken for "checked, no split-brain".
 */
class NodeCardKernelLogTest {

    private static final String DMESG_LINE =
            "[ 8211.404022] block drbd0: Split-Brain detected, dropping connection!";

    private static String card(ClusterSnapshot s) {
        return Rendered.of(s, 120, 40, Rendered.frame("dark", Glyphs.UNICODE, false), new UiState(), List.of()).text();
    }

    @Test
    void aSplitBrainTheKernelReportedIsOnTheCard() {
        SplitBrain said = new SplitBrain(null, 0, null, "Split-Brain detected, dropping connection!", DMESG_LINE);
        String screen = card(Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 130_760)
                .drbd("drbd-b", "StandAlone", "Secondary", "Unknown", "UpToDate", "DUnknown", 40_552)
                .drbdKernelLog("drbd-a", DrbdKernelLog.of(List.of(said)))
                .drbdKernelLog("drbd-b", DrbdKernelLog.of(List.of(said)))
                .build());
        assertThat(screen).contains("✗ kernel: split-brain");
    }

    @Test
    void aKernelLogTheNodeRefusedIsSaidToBeUnreadable() {
        String screen = card(Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 130_760)
                .drbd("drbd-b", "WFConnection", "Secondary", "Unknown", "UpToDate", "DUnknown", 0)
                .drbdKernelLog("drbd-a", DrbdKernelLog.unavailable("dmesg: Operation not permitted"))
                .build());
        assertThat(screen).contains("kernel log unreadable: dmesg: Operation not permitted");
    }

    @Test
    void aConnectedPairSaysNothingOfTheKernel() {
        assertThat(card(Clusters.drbdHealthy())).doesNotContain("kernel");
    }
}
