package io.hadeck.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A live service may send a word this version of hadeck has never seen: it is kept for display, never a crash. */
class ServiceWordsTest {

    @Test
    void patroniLeaderWordsOfEveryVersionReadAsLeaderAndANewRoleKeepsItsText() {
        assertThat(HaRole.of("master")).isEqualTo(HaRole.LEADER);
        assertThat(HaRole.of("primary")).isEqualTo(HaRole.LEADER);
        assertThat(HaRole.of("standby_leader").leads()).isTrue();
        assertThat(HaRole.of("sync_standby").leads()).isFalse();
        HaRole future = HaRole.of("quorum_standby");
        assertThat(future.kind()).isEqualTo(HaRole.Kind.OTHER);
        assertThat(future).hasToString("quorum_standby");
        assertThat(HaRole.of(null)).hasToString("unknown");
    }

    @Test
    void patroniStatesAreKnownKindsAndChefBackendsCompositeStateIsKeptAsText() {
        assertThat(HaRunState.of("streaming").running()).isTrue();
        assertThat(HaRunState.of("creating replica").busy()).isTrue();
        assertThat(HaRunState.of("creating replica")).hasToString("creating replica");
        assertThat(HaRunState.of("stopped").running()).isFalse();
        HaRunState chef = HaRunState.of("pg running, es running");
        assertThat(chef.kind()).isEqualTo(HaRunState.Kind.OTHER);
        assertThat(chef).hasToString("pg running, es running");
    }

    @Test
    void elasticsearchColoursCarryTheirSeverityAndAnUnknownColourIsTheWorst() {
        assertThat(EsStatus.of("green").severity()).isEqualTo(Severity.OK);
        assertThat(EsStatus.of("YELLOW")).isEqualTo(EsStatus.YELLOW).hasToString("yellow");
        assertThat(EsStatus.of("red").severity()).isEqualTo(Severity.CRIT);
        assertThat(EsStatus.of("purple")).isEqualTo(EsStatus.UNKNOWN);
        assertThat(EsStatus.UNKNOWN.severity()).isEqualTo(Severity.CRIT);
    }

    @Test
    void drbdStatesKeepDrbdsSpellingAndTheLinkedSetIsOne() {
        assertThat(DrbdConnection.of("wfconnection")).isEqualTo(DrbdConnection.WF_CONNECTION).hasToString("WFConnection");
        assertThat(DrbdConnection.of("SyncTarget").linked()).isTrue();
        assertThat(DrbdConnection.of("SyncTarget").resyncing()).isTrue();
        assertThat(DrbdConnection.of("StandAlone").linked()).isFalse();
        assertThat(DrbdConnection.of("StandAlone").severity()).isEqualTo(Severity.CRIT);
        assertThat(DrbdConnection.of("Connecting").waitingForPeer()).isTrue();
        assertThat(DrbdConnection.of("Quantum")).isEqualTo(DrbdConnection.UNKNOWN);
        assertThat(DrbdDisk.of("Inconsistent").severity()).isEqualTo(Severity.CRIT);
        assertThat(DrbdDisk.of("DUnknown").severity()).isEqualTo(Severity.OK);
        assertThat(DrbdRole.of("Primary")).isEqualTo(DrbdRole.PRIMARY).hasToString("Primary");
        assertThat(DrbdRole.of(null)).isNull();
    }
}
