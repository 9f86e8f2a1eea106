package io.hadeck.probe.chef;

import io.hadeck.model.HaState;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.Recorded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample is written BY HAND from the documented cluster-status table (Name, IP, GUID, Role,
 * PG, ES; seeds 004): the JSON shape itself is an assumption, see ChefBackendStatusMapping.
 */
class ChefBackendStatusMappingTest {

    @Test
    void documentedTableAsJsonGivesLeaderAndMembers() {
        HaState s = ChefBackendStatusMapping.state(Recorded.text("chef-backend-cluster-status.by-hand.json"));
        assertThat(s.manager()).isEqualTo("chef-backend");
        assertThat(s.leaderKeyHolder()).isEqualTo("backend-1");
        assertThat(s.clusterFailoverEnabled()).isTrue();
        assertThat(s.members()).hasSize(3);
        assertThat(s.member("backend-3").orElseThrow().tags()).containsEntry("es", "master").containsEntry("pg", "follower");
        assertThat(s.member("backend-2").orElseThrow().role()).isEqualTo("follower");
    }

    @Test
    void bareListWithCapitalisedKeysAndFailoverOff() {
        HaState s = ChefBackendStatusMapping.state("""
                {"failover_enabled": false, "nodes": [{"Name":"b1","IP":"10.0.0.1","Role":"waiting_for_leader","PG":"follower","ES":"not_master"}]}""");
        assertThat(s.leaderKeyHolder()).isNull();
        assertThat(s.clusterFailoverEnabled()).isFalse();
        assertThat(s.members().get(0).role()).isEqualTo("waiting_for_leader");
    }

    @Test
    void unknownShapeIsAClearError() {
        assertThatThrownBy(() -> ChefBackendStatusMapping.state("{\"status\":\"ok\"}"))
                .isInstanceOf(ProbeException.class).hasMessageContaining("no node list");
        assertThatThrownBy(() -> ChefBackendStatusMapping.state("not json"))
                .isInstanceOf(ProbeException.class).hasMessageContaining("not JSON");
    }
}
