package io.hadeck.console.tui;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.HaSettings;
import io.hadeck.model.Lsn;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Patroni judges a candidate by the leader's position recorded at its last loop: the detail view shows it beside the live one. */
class DetailRecordedPositionTest {

    @Test
    void theRecordedPositionStandsBesideTheLiveOne() {
        HaSettings h = new HaSettings(10, 2, 1L << 20, false, false, false, Lsn.parse("0/5900000"), null);
        ClusterSnapshot s = Clusters.healthy().haSettings(h).build();
        assertThat(DetailView.recordedVsLive(h, s)).contains("leader position recorded 0/5900000, live on node-1 0/5A3C2F8"
                + " (1.2 MiB since the last loop)");
    }

    @Test
    void nothingIsSaidWithoutARecordedPosition() {
        HaSettings h = HaSettings.patroniDefaults();
        assertThat(DetailView.recordedVsLive(h, Clusters.healthy().haSettings(h).build())).isEmpty();
    }
}
