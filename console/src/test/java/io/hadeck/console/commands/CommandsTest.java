package io.hadeck.console.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.PairSnapshots;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.VrrpState;
import io.hadeck.console.output.Json;
import io.hadeck.testkit.Clusters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @Test
    void statusOfAHealthyLabExitsZeroWithOneRowPerNode() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("status")).isEqualTo(0);
        assertThat(t.out()).contains("health ok").contains("NODE").contains("node-1").contains("primary")
                .contains("drbd-a").contains("no findings");
        assertThat(t.err()).isEmpty();
    }

    @Test
    void statusJsonHasStableFields() throws Exception {
        TestShell t = TestShell.of(Clusters.twoPrimaries());
        assertThat(t.main("status", "--json")).isEqualTo(1);
        JsonNode j = Json.mapper().readTree(t.out());
        assertThat(j.get("cluster").asText()).isEqualTo("lab");
        assertThat(j.get("health").asText()).isEqualTo("crit");
        assertThat(j.get("nodes").get(0).fieldNames()).toIterable().containsExactly("name", "host", "haRole", "haState",
                "pgRole", "lagBytes", "lagSeconds", "streaming", "etcd", "elasticsearch", "drbd", "pair", "errors", "late", "readAt");
        assertThat(j.get("findings").findValuesAsText("code")).contains("PG_TWO_PRIMARIES");
        assertThat(j.get("findings").get(0).fieldNames()).toIterable()
                .containsExactly("severity", "code", "nodes", "message", "action");
    }

    @Test
    void statusNamesEachKeepalivedPairsOwnerAndEachSidesVip() throws Exception {
        JsonNode j = statusJson(PairSnapshots.pair(
                PairSnapshots.node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, true),
                PairSnapshots.node("drbd-a", VrrpState.BACKUP, KeepalivedProcess.State.RUNNING, false, false)));
        assertThat(j.get("pairs").get(0).get("owner").asText()).isEqualTo("drbd-a");
        JsonNode a = j.get("nodes").findParents("name").stream().filter(n -> n.get("name").asText().equals("drbd-a"))
                .findFirst().orElseThrow();
        assertThat(a.get("pair").get("vip").asBoolean()).isTrue();
        assertThat(a.get("pair").get("vrrp").asText()).isEqualTo("MASTER");
        assertThat(a.get("pair").get("keepalived").asText()).isEqualTo("RUNNING");
    }

    @Test
    void statusSaysAPairWithTheVipOnBothNodesHasNoOwner() throws Exception {
        JsonNode j = statusJson(PairSnapshots.pair(
                PairSnapshots.node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.FROZEN, true, true),
                PairSnapshots.node("drbd-a", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, false)));
        assertThat(j.get("pairs").get(0).get("owner").isNull()).isTrue();
    }

    private static JsonNode statusJson(io.hadeck.model.ClusterSnapshot s) throws Exception {
        TestShell t = TestShell.of(s);
        t.main("status", "--json");
        return Json.mapper().readTree(t.out());
    }

    @Test
    void statusPublishesTheLeaderKeyHolderAndWhereItCameFrom() throws Exception {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("status", "--json")).isEqualTo(0);
        JsonNode k = Json.mapper().readTree(t.out()).get("leaderKey");
        assertThat(k.get("holder").asText()).isEqualTo("node-1");
        assertThat(k.get("from").asText()).isEqualTo("leader_key");
        assertThat(k.get("ok").asBoolean()).isTrue();
        t.clear();
        assertThat(t.main("status")).isEqualTo(0);
        assertThat(t.out().lines().findFirst().orElseThrow()).endsWith("health ok  leader key node-1");
    }

    @Test
    void nothingReachableIsExitThree() {
        TestShell t = TestShell.of(Clusters.healthy().unreachable("node-1", "down").unreachable("node-2", "down")
                .unreachable("node-3", "down").build());
        int code = t.main("status");
        // Cluster-wide readings (etcd, ES, HA) of the builder may still answer; only when none does is it 3.
        assertThat(code).isIn(1, 3);
        if (code == 3) {
            assertThat(t.err()).startsWith("hadeck: nothing reachable in cluster lab");
        }
    }

    @Test
    void dataCommandsAllSpeakJson() throws Exception {
        for (String cmd : new String[] {"nodes", "show node-2", "findings", "etcd members", "pg replication",
                "es health", "drbd status", "drbd status drbd-a", "events"}) {
            TestShell t = TestShell.of(Clusters.lab());
            assertThat(t.line(cmd + " --json")).as(cmd).isEqualTo(0);
            Json.mapper().readTree(t.out());
            assertThat(t.out()).as(cmd).doesNotContain("password").doesNotContain("Secret");
            t.clear();
            assertThat(t.line(cmd)).as(cmd).isEqualTo(0);
            assertThat(t.out()).as(cmd).isNotBlank();
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("stauts")).isEqualTo(2);
        assertThat(t.err()).startsWith("hadeck: unknown command 'stauts' (did you mean status").hasLineCount(1);
        t.clear();
        assertThat(t.main("status", "--interval", "fast")).isEqualTo(2);
        assertThat(t.err().lines().count()).isEqualTo(1);
        assertThat(t.err()).contains("'fast' is not a duration");
        t.clear();
        assertThat(t.main("show", "node-9")).isEqualTo(2);
        assertThat(t.err()).startsWith("hadeck: no node 'node-9'");
        t.clear();
        assertThat(t.main("assert", "pg.streaming", "2")).isEqualTo(2);
        assertThat(t.err()).isEqualTo("hadeck: condition at column 14: expected a comparison operator (== != < <= > >=)"
                + " after pg.streaming, got '2'\n");
    }

    @Test
    void assertAndWaitFor() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.line("assert pg.streaming >= 2")).isEqualTo(0);
        assertThat(t.out()).startsWith("ok: pg.streaming >= 2 (pg.streaming is 2, wanted >= 2)");
        assertThat(t.line("assert 'lag(node-3) > 1GB'")).isEqualTo(1);
        assertThat(t.err()).contains("assertion failed: lag(node-3) > 1GB (lag(node-3) is 0 B, wanted > 1 GiB)");
        assertThat(t.line("wait-for es.status == green --timeout 1s")).isEqualTo(0);
    }

    @Test
    void variablesExpand() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.line("set FOLLOWER node-3; assert role($FOLLOWER) == standby; echo ${FOLLOWER} ok")).isEqualTo(0);
        assertThat(t.out()).contains("node-3 ok");
        assertThat(t.line("echo $NOPE")).isEqualTo(2);
        assertThat(t.err()).contains("variable $NOPE is not set");
    }

    @Test
    void drbdParseReadsAFileAndRefusesGarbageInOneLine(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("garbage.txt");
        Files.writeString(garbage, "hello\n");
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("drbd", "parse", garbage.toString(), "--json")).isEqualTo(2);
        assertThat(t.err().lines().count()).isEqualTo(1);
        t.clear();
        assertThat(t.main("drbd", "parse", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(t.err()).startsWith("hadeck: no such file: ");
    }

    @Test
    void helpListsEveryCommandAndTheConditions() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.line("help")).isEqualTo(0);
        for (Class<?> c : Commands.ALL) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            assertThat(t.out()).contains("  " + name + " ");
        }
        t.clear();
        assertThat(t.line("help conditions")).isEqualTo(0);
        assertThat(t.out()).contains("finding(CODE)");
        t.clear();
        assertThat(t.line("help etcd members")).isEqualTo(0);
        assertThat(t.out()).contains("Usage: hadeck etcd members");
        t.clear();
        assertThat(t.main("status", "--help")).isEqualTo(0);
        assertThat(t.out()).contains("--watch").contains("--json");
    }
}
