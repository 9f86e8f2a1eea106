package io.hadeck.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.ReadProgress;
import io.hadeck.testkit.Clusters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The console's first frame comes from the config alone: nodes and layers, "reading…" where nothing answered yet. */
class FirstFrameTest {

    private static Rendered render(ClusterSnapshot s) {
        return Rendered.of(s, 200, 50, Rendered.frame("dark", Glyphs.UNICODE, false), new UiState(), List.of());
    }

    @Test
    void beforeAnyReaderAnswersTheScreenShowsEveryNodeReading() {
        ClusterSnapshot lab = Clusters.lab();
        List<NodeView> empty = lab.nodes().stream().map(n -> NodeView.empty(n.name(), n.host())).toList();
        ReadProgress nothingYet = new ReadProgress(0, 8, Set.of("node-1/PG", "node-1/HA", "node-2/PG", "node-3/etcd",
                "drbd-a/DRBD", "drbd-b/DRBD"));
        ClusterSnapshot first = new ClusterSnapshot(1, lab.takenAt(), lab.cluster(), empty, null, null, null, List.of(),
                nothingYet);

        String t = render(first).text();

        assertThat(t).as(t).contains("hadeck lab", "reading… 0/8 sources answered", "node-1", "node-2", "node-3",
                "drbd-a", "drbd-b", "PG   reading…", "HA   reading…", "etcd reading…", "DRBD reading…");
        assertThat(t).as("no verdict before the readers answer").doesNotContain("healthy", "crit", "✓", "no findings")
                .contains("… node-1", "findings once every source has answered");
    }

    @Test
    void aPaneFillsInWhenItsReaderAnswersWhileTheOthersStillRead() {
        ClusterSnapshot lab = Clusters.lab();
        ClusterSnapshot partial = lab.withProgress(new ReadProgress(7, 8, Set.of("drbd-b/DRBD")));
        List<NodeView> nodes = partial.nodes().stream()
                .map(n -> n.name().equals("drbd-b") ? NodeView.empty(n.name(), n.host()) : n).toList();
        ClusterSnapshot s = new ClusterSnapshot(2, lab.takenAt(), lab.cluster(), nodes, lab.etcd(), lab.es(), lab.ha(),
                List.of(), partial.progress());

        String t = render(s).text();

        assertThat(t).as(t).contains("reading… 7/8 sources answered", "PG   primary tl 3", "DRBD reading…",
                "DRBD Primary/Secondary ✓ Connected");
    }

    @Test
    void onceEverySourceAnsweredTheHeaderGivesTheVerdict() {
        assertThat(render(Clusters.lab().withProgress(new ReadProgress(8, 8, Set.of()))).text())
                .contains("✓ healthy").doesNotContain("sources answered");
    }

    @Test
    void aLayerWhoseNextReadIsLateShowsItsLastValueAsStaleNotAsTheTruth() {
        ReadProgress late = new ReadProgress(8, 8, Set.of(), Set.of("drbd-a/DRBD", ReadProgress.cluster("HA")));
        String t = render(Clusters.lab().withProgress(late)).text();
        assertThat(t).as(t).contains("DRBD ! stale 0.4 s: Primary/Second", "HA leader node-1 · failover on (stale 0.4 s)")
                .as("the other side of the pair was read in time").contains("DRBD Secondary/Primary ✓ Connected");
    }
}
