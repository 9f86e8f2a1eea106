package io.hadeck.fleet;

import io.hadeck.findings.FindingsEngine;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Severity;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FleetRowTest {

    static ClusterSnapshot judged(ClusterSnapshot s, String name) {
        ClusterSnapshot withFindings = s.withFindings(FindingsEngine.derive(s, Clusters.thresholds()));
        return new ClusterSnapshot(withFindings.seq(), withFindings.takenAt(), name, withFindings.nodes(),
                withFindings.etcd(), withFindings.es(), withFindings.ha(), withFindings.findings());
    }

    @Test
    void aHealthyClusterNamesItsPrimaryAndItsWorstStandbyLag() {
        FleetRow r = FleetRow.of("patroni", judged(Clusters.lagging("node-3", 48L << 20, 12.0), "billing"), null);
        assertThat(r.leader()).isEqualTo("node-1");
        assertThat(r.worstLag()).isEqualTo(48L << 20);
        assertThat(r.cluster()).isEqualTo("billing");
    }

    @Test
    void twoPrimariesAreBothNamedAndTheWorstFindingLeads() {
        FleetRow r = FleetRow.of("patroni", judged(Clusters.twoPrimaries(), "orders"), null);
        assertThat(r.worst()).isEqualTo(Severity.CRIT);
        assertThat(r.leader()).isEqualTo("node-1+node-2");
        assertThat(r.finding()).startsWith("PG_TWO_PRIMARIES: ");
    }

    @Test
    void aDrbdPairIsOwnedByItsPrimary() {
        FleetRow r = FleetRow.of("drbd pair", judged(Clusters.drbdHealthy(), "chef"), null);
        assertThat(r.leader()).isEqualTo("drbd-a");
        assertThat(r.worstLag()).isNull();
    }

    @Test
    void theFleetIsSortedWorstFirstThenByName() {
        Instant journal = Instant.parse("2026-03-12T02:59:00Z");
        List<FleetRow> rows = Stream.of(
                        FleetRow.of("patroni", judged(Clusters.healthyPrimaryTwoStandbys(), "b-ok"), journal),
                        FleetRow.of("patroni", judged(Clusters.twoPrimaries(), "z-split"), null),
                        FleetRow.of("patroni", judged(Clusters.healthyPrimaryTwoStandbys(), "a-ok"), null))
                .sorted(FleetRow.WORST_FIRST).toList();
        assertThat(rows).extracting(FleetRow::cluster).containsExactly("z-split", "a-ok", "b-ok");
        assertThat(rows.get(2).lastChange()).isEqualTo(journal);
    }
}
