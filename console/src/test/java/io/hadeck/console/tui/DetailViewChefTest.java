package io.hadeck.console.tui;

import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Chef Backend node's detail view (Enter) shows chef-backend-ctl status's service table as read on the
 * node — service, state, pid, time in state — and leaderl's counts, from the snapshot alone.
 */
class DetailViewChefTest {

    static String detail(ChefNodeChecks k) {
        ClusterSnapshot s = Clusters.healthyPrimaryTwoStandbys();
        NodeView n = s.node("node-2").orElseThrow();
        return text(k == null ? n : n.withChef(Observation.ok(k, s.takenAt(), Duration.ofMillis(40))), s);
    }

    static String text(NodeView n, ClusterSnapshot s) {
        return DetailView.render(n, s, Rendered.frame("dark", Glyphs.UNICODE, false)).stream()
                .map(l -> l.segments().stream().map(Segment::text).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theServiceTableAndLeaderlsCountsAsTheNodeReportedThem() {
        String text = detail(new ChefNodeChecks(List.of(
                new ChefNodeChecks.Service("etcd", true, 6742, "1d 5h 59m 39s", "health: green; healthy nodes: 3/3"),
                new ChefNodeChecks.Service("leaderl", true, 6788, "1d 5h 59m 35s", "leader: 1; waiting: 1; follower: 1; total: 3"),
                new ChefNodeChecks.Service("postgresql", false, null, "-", "leader: 1; offline: 1; syncing: 0; synced: 1")),
                new ChefNodeChecks.Leaderl(1, 1, 1, 3), 0.2, 0.05, false, List.of(), "2.3.16", null));
        assertThat(text).contains("Chef Backend (chef-backend-ctl status on the node)")
                .contains("  service     state     pid  time in state")
                .contains("  etcd        running  6742  1d 5h 59m 39s")
                .contains("  leaderl     running  6788  1d 5h 59m 35s")
                .contains("  postgresql  down        -  -")
                .contains("  leaderl: 1 leader, 1 waiting, 1 follower, 3 total (not settled)")
                .contains("  chef-backend version: 2.3.16");
    }

    @Test
    void aPatroniNodeHasNoChefSection() {
        assertThat(detail(null)).doesNotContain("Chef Backend");
    }
}
