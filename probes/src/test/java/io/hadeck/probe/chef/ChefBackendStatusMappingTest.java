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
        assertThat(s.leader().holder()).isEqualTo("backend-1");
        assertThat(s.failover().enabled()).isTrue();
        assertThat(s.members()).hasSize(3);
        assertThat(s.member("backend-3").orElseThrow().tags()).containsEntry("es", "master").containsEntry("pg", "follower");
        assertThat(s.member("backend-2").orElseThrow().role()).isEqualTo("follower");
    }

    @Test
    void bareListWithCapitalisedKeysAndFailoverOff() {
        HaState s = ChefBackendStatusMapping.state("""
                {"failover_enabled": false, "nodes": [{"Name":"b1","IP":"10.0.0.1","Role":"waiting_for_leader","PG":"follower","ES":"not_master"}]}""");
        assertThat(s.leader().holder()).isNull();
        assertThat(s.failover().enabled()).isFalse();
        assertThat(s.members().get(0).role()).isEqualTo("waiting_for_leader");
    }

    @Test
    void aShapeWithoutTheFailoverSettingsSaysSoInsteadOfAssumingOn() {
        HaState s = ChefBackendStatusMapping.state(Recorded.text("chef-backend-cluster-status.by-hand.json"));
        assertThat(s.failover().unreported()).isEqualTo("chef-backend-ctl cluster-status --json does not report the cluster"
                + " failover setting (no 'failover_enabled')");
        assertThat(s.member("backend-2").orElseThrow().failoverUnreported()).isEqualTo("chef-backend-ctl cluster-status"
                + " --json does not report backend-2's failover setting (no 'failover')");
    }

    /** Recorded from the lab's emulated chef-backend-ctl (its shape is assumption M3 of scripts/chef-backend-ctl-emulator). */
    @Test
    void theLabEmulatorsShapeReportsBothFailoverSettings() {
        HaState s = ChefBackendStatusMapping.state(Recorded.text("chef-backend-cluster-status.lab-emulator.json"));
        assertThat(s.failover().unreported()).isNull();
        assertThat(s.failover().enabled()).isTrue();
        assertThat(s.leader().holder()).isEqualTo("node-1");
        assertThat(s.members()).allSatisfy(m -> assertThat(m.failoverUnreported()).isNull());
        assertThat(s.member("node-2").orElseThrow().tags()).containsEntry("failover", "on");
    }

    @Test
    void failoverOffIsReadPerNodeAndForTheCluster() {
        HaState s = ChefBackendStatusMapping.state("""
                {"failover_enabled": "off", "nodes": [{"name":"b1","role":"leader","failover":"on"},
                 {"name":"b2","role":"follower","failover":false}]}""");
        assertThat(s.failover().enabled()).isFalse();
        assertThat(s.failover().unreported()).isNull();
        assertThat(s.member("b1").orElseThrow().failoverAllowed()).isTrue();
        assertThat(s.member("b2").orElseThrow().failoverAllowed()).isFalse();
    }

    @Test
    void unknownShapeIsAClearError() {
        assertThatThrownBy(() -> ChefBackendStatusMapping.state("{\"status\":\"ok\"}"))
                .isInstanceOf(ProbeException.class).hasMessageContaining("no node list");
        assertThatThrownBy(() -> ChefBackendStatusMapping.state("not json"))
                .isInstanceOf(ProbeException.class).hasMessageContaining("not JSON");
    }
}
