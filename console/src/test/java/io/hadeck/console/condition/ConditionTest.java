package io.hadeck.console.condition;

import io.hadeck.units.Durations;
import io.hadeck.units.Sizes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Clusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {

    private static final Vocabulary LAB = new Vocabulary(List.of("node-1", "node-2", "node-3", "drbd-a", "drbd-b"),
            List.of("pc0"));

    private static boolean holds(String condition, ClusterSnapshot s) {
        return Condition.parse(condition, LAB).test(s).met();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "pg.primary == node-1                         | true",
            "pg.primary != node-1                         | false",
            "pg.primaries == 1                            | true",
            "pg.standbys == 2                             | true",
            "pg.streaming >= 2                            | true",
            "pg.streaming > 2                             | false",
            "lag(node-3) < 16MB                           | true",
            "lagtime(node-3) <= 30s                       | true",
            "role(node-1) == primary                      | true",
            "role(node-2) == STANDBY                      | true",
            "streaming(node-2)                            | true",
            "etcd.healthy == 3                            | true",
            "etcd.members == 3                            | true",
            "etcd.quorum                                  | true",
            "etcd.leader == node-1 or etcd.leader != node-1 | true",
            "es.status == green                           | true",
            "es.nodes == 3                                | true",
            "es.unassigned == 0                           | true",
            "drbd(pc0).cs == Connected                    | true",
            "drbd(pc0).ds == UpToDate/UpToDate            | true",
            "drbd(pc0, drbd-a).role == Primary            | true",
            "drbd(pc0, drbd-b).role == Secondary          | true",
            "drbd(pc0, drbd-b).peerrole == Primary        | true",
            "drbd(pc0).disk == UpToDate and drbd(pc0).peerdisk == UpToDate | true",
            "drbd(pc0).oos == 0                           | true",
            "ha.leader == node-1                          | true",
            "ha.leader == pg.primary                      | true",
            "ha.failover                                  | true",
            "findings.crit == 0                           | true",
            "findings.warn == 0                           | true",
            "findings.worst == ok                         | true",
            "finding(PG_TWO_PRIMARIES)                    | false",
            "not finding(PG_TWO_PRIMARIES)                | true",
            "(pg.streaming >= 2 or es.status == red) and not ha.failover == false | true",
    })
    void everyFieldOnAHealthyLab(String condition, boolean expected) {
        assertThat(holds(condition.strip(), Clusters.lab())).as(condition).isEqualTo(expected);
    }

    @Test
    void lagComparesSizesAndDurations() {
        ClusterSnapshot s = Clusters.lagging("node-3", 40L << 20, 45);
        assertThat(holds("lag(node-3) > 16MB", s)).isTrue();
        assertThat(holds("lag(node-3) < 1GB", s)).isTrue();
        assertThat(holds("lag(node-3) == 41943040", s)).isTrue();
        assertThat(holds("lagtime(node-3) > 30s and lagtime(node-3) < 1m", s)).isTrue();
    }

    @Test
    void withNothingReadAStandbyIsNeitherStreamingNorNotStreaming() {
        // wait-for "not streaming(node-3)" must wait for a reading that says so, not pass on no data.
        ClusterSnapshot blind = Clusters.healthy().unreachable("node-1", "connection refused")
                .unreachable("node-3", "connection refused").build();
        assertThat(holds("streaming(node-3)", blind)).isFalse();
        assertThat(holds("not streaming(node-3)", blind)).isFalse();
        assertThat(holds("not streaming(node-3) or pg.streaming >= 0", blind)).isTrue();
        // With the primary readable, its pg_stat_replication is the answer even if node-3 is not.
        ClusterSnapshot primaryReadable = Clusters.unreachable("node-3");
        assertThat(holds("not streaming(node-3)", primaryReadable)).isTrue();
        assertThat(holds("not (lag(node-3) > 16MB)", primaryReadable)).isFalse();
    }

    @Test
    void splitBrainAndFailover() {
        ClusterSnapshot two = Clusters.twoPrimaries();
        assertThat(holds("pg.primaries == 2", two)).isTrue();
        assertThat(holds("ha.leader == node-2", two)).isTrue();
        // Two primaries: there is no "the" primary, so pg.primary is unknown and never equal to anything.
        Condition.Result r = Condition.parse("pg.primary == node-1").test(two);
        assertThat(r.met()).isFalse();
        assertThat(r.why()).contains("unknown (2 primaries)");
        assertThat(holds("ha.failover", Clusters.healthy().paused().build())).isFalse();
    }

    @Test
    void unknownValuesNeverSatisfyAndSayWhy() {
        ClusterSnapshot down = Clusters.primaryDown();
        Condition.Result r = Condition.parse("role(node-1) != standby").test(down);
        assertThat(r.met()).isFalse();
        assertThat(r.why()).contains("node-1 PostgreSQL unreachable: connection refused");
        assertThat(holds("pg.streaming == 0", down)).isTrue();
        Condition.Result etcd = Condition.parse("etcd.quorum").test(Clusters.etcdNoQuorum());
        assertThat(etcd.met()).isFalse();
    }

    @Test
    void drbdScenarios() {
        assertThat(holds("drbd(pc0).cs == StandAlone and drbd(pc0, drbd-b).cs == StandAlone", Clusters.drbdSplitBrain())).isTrue();
        assertThat(holds("drbd(pc0, drbd-a).oos > 100MB", Clusters.drbdSplitBrain())).isTrue();
        assertThat(holds("drbd(pc0, drbd-b).sync > 50 and drbd(pc0).cs == SyncSource", Clusters.drbdScenario(2))).isTrue();
        // Scenario 3: drbd-a unreachable; the one-argument form reads the side that answers.
        assertThat(holds("drbd(pc0).cs == WFConnection", Clusters.drbdScenario(3))).isTrue();
        assertThat(Condition.parse("drbd(pc0, drbd-a).cs == WFConnection").test(Clusters.drbdScenario(3)).why())
                .contains("drbd-a DRBD unreadable");
    }

    @Test
    void findingsFields() {
        ClusterSnapshot red = Clusters.esRed();
        assertThat(holds("es.status == red and es.unassigned == 6", red)).isTrue();
        assertThat(holds("findings.crit >= 1 or findings.warn >= 1 or findings.worst == ok", red)).isTrue();
    }

    @Test
    void explainsFailures() {
        Condition.Result r = Condition.parse("pg.streaming >= 3").test(Clusters.lab());
        assertThat(r.why()).isEqualTo("pg.streaming is 2, wanted >= 3");
        assertThat(Condition.parse("lag(node-3) < 1MB").test(Clusters.lagging("node-3", 40L << 20, 1)).why())
                .isEqualTo("lag(node-3) is 40 MiB, wanted < 1 MiB");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "pg.streaming 2                  | at column 14: expected a comparison operator",
            "pg.primry == node-1             | at column 1: unknown field 'pg.primry'",
            "pg.streaming >= 2 and           | at column 22: expected a field such as pg.streaming, got end of condition",
            "pg.streaming = 2                | at column 14: '=' is not an operator (use == or !=)",
            "lag(node-3) < 16 parsecs        | at column 18: expected 'and', 'or' or the end, got 'parsecs'",
            "lag(node-3) < fast              | at column 15: lag(node-3) is a size; expected a size like 16MB, got 'fast'",
            "lagtime(node-3) < 16MB          | at column 19: lagtime(node-3) is a duration",
            "pg.streaming >= 16MB            | at column 17: pg.streaming is a count; expected a number",
            "pg.primary > node-1             | at column 12: '>' needs a number but pg.primary is a word",
            "lag(node-9) < 1MB               | at column 5: no node 'node-9' (known: node-1",
            "drbd(pc9).cs == Connected       | at column 6: no DRBD resource 'pc9'",
            "drbd(pc0).color == blue         | at column 1: unknown field 'drbd.color'",
            "lag() < 1MB                     | at column 5: expected a name inside lag(…), got ')'",
            "lag(node-1, node-2) < 1MB       | at column 1: lag(NODE) takes 1 argument(s)",
            "(pg.streaming >= 2              | at column 19: expected ')' to close the '(' at column 1",
            "ha.failover == maybe            | at column 16: ha.failover is true/false, got 'maybe'",
            "ha.leader == ha.failover        | at column 14: ha.failover is true/false but ha.leader is a word",
            "''                              | at column 1: empty condition",
            "pg.streaming >= 2 & x           | at column 19: unexpected character '&'",
            "2 <= pg.streaming               | at column 1: expected a field such as pg.streaming, got '2'",
            "es.status == 'green             | at column 14: unterminated string",
    })
    void invalidConditionsNameTheColumn(String condition, String message) {
        String c = condition == null ? "" : condition.strip();
        assertThatThrownBy(() -> Condition.parse(c, LAB)).isInstanceOf(ConditionException.class)
                .hasMessageStartingWith(message.strip());
    }

    @Test
    void everyDocumentedFieldExistsAndViceVersa() throws Exception {
        String doc = new String(getClass().getResourceAsStream("/conditions.md").readAllBytes());
        for (Fields.Field f : Fields.all()) {
            assertThat(doc).as("conditions.md documents " + f.synopsis()).contains("`" + f.synopsis() + "`");
        }
    }

    @Test
    void unitsParse() {
        assertThat(Sizes.parse("16MB")).contains(16L << 20);
        assertThat(Sizes.parse("1.5GB")).contains((long) (1.5 * (1L << 30)));
        assertThat(Sizes.parse("12")).contains(12L);
        assertThat(Sizes.parse("12parsecs")).isEmpty();
        assertThat(Durations.parse("500ms")).contains(java.time.Duration.ofMillis(500));
        assertThat(Durations.parse("5m")).contains(java.time.Duration.ofMinutes(5));
        assertThat(Durations.parse("7")).contains(java.time.Duration.ofSeconds(7));
    }
}
