package io.hadeck.lab;

import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.hadeck.lab.LabPg.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every fault of the etcd and Patroni parts shows its effect on the real cluster, and its undo brings
 * the lab back. Each test leaves the lab healthy: other test classes share it.
 */
class LabFaultsIT {

    private static final Duration FAILOVER = Duration.ofSeconds(40);

    @BeforeAll
    static void healthyBefore() {
        Lab.awaitHealthy(Duration.ofMinutes(2));
    }

    @AfterEach
    void healthyAfter() {
        Lab.awaitHealthy(Duration.ofMinutes(2));
    }

    @Test
    void pgKillPostmasterIsRestartedByPatroniWithoutFailover() throws Exception {
        String primary = leader().orElseThrow();
        String started = query(primary, "select pg_postmaster_start_time()");
        Lab.run("fault", "pg-kill-postmaster");
        awaitTrue(Duration.ofSeconds(30), "postmaster restarted on " + primary, () -> {
            try {
                String now = query(primary, "select pg_postmaster_start_time()");
                return now != null && !now.equals(started) && writable(primary);
            } catch (SQLException e) {
                return false;
            }
        });
        assertThat(leader()).contains(primary);
    }

    @Test
    void nodeCrashFailsOverAndNodeStartRejoinsAsReplica() throws Exception {
        String old = leader().orElseThrow();
        Lab.run("fault", "node-crash", old);
        try {
            String next = await(FAILOVER, "a new leader", () -> leader().filter(l -> !l.equals(old)));
            // The leader key moves a moment before PostgreSQL is promoted (a write there failed
            // "read-only transaction" in a CI run).
            awaitTrue(Duration.ofSeconds(15), next + " writable", () -> writable(next));
            String id = marker();
            execute(next, "insert into lab_faults(id) values ('" + id + "')");
            Lab.run("fault", "node-start", old);
            Lab.awaitHealthy(Duration.ofMinutes(1));
            awaitTrue(Duration.ofSeconds(15), "row replicated to " + old, () -> has(old, id));
            assertThat(query(old, "select pg_is_in_recovery()")).isEqualTo("t");
        } finally {
            restart(old);
        }
    }

    /** Whatever failed above, the node comes back: every later test class needs the whole lab. */
    private static void restart(String node) {
        Lab.tryRun(Duration.ofSeconds(90), "fault", "node-start", node);
    }

    @Test
    void patroniKillLeavesTwoWritablePrimariesUntilNodeStartRewindsTheOldOne() throws Exception {
        String old = leader().orElseThrow();
        String kept = marker();
        execute(old, "insert into lab_faults(id) values ('" + kept + "')");
        Lab.run("fault", "patroni-kill", old);
        try {
            String next = await(FAILOVER, "a new leader", () -> leader().filter(l -> !l.equals(old)));
            awaitTrue(Duration.ofSeconds(15), next + " writable", () -> writable(next));
            // The real split-brain: the old postmaster still accepts writes.
            assertThat(writable(old)).as("old primary %s still writable", old).isTrue();
            String lost = marker();
            execute(old, "insert into lab_faults(id) values ('" + lost + "')");

            Lab.run("fault", "node-start", old);
            Lab.awaitHealthy(Duration.ofMinutes(1));
            assertThat(query(old, "select pg_is_in_recovery()")).isEqualTo("t");
            String after = marker();
            execute(next, "insert into lab_faults(id) values ('" + after + "')");
            awaitTrue(Duration.ofSeconds(15), "rejoined " + old + " streams from " + next, () -> has(old, after));
            assertThat(has(old, kept)).isTrue();
            assertThat(has(old, lost)).as("the split-brain write was rewound away").isFalse();
        } finally {
            restart(old);
        }
    }

    @Test
    void pgStopFreezesAReplicaAndPgContThawsIt() throws Exception {
        String replica = replicas().get(0);
        Lab.run("fault", "pg-stop", replica);
        try {
            assertThatThrownBy(() -> {
                try (Connection c = connect(replica, "postgres", Lab.secret("pg-superuser.password"), 2)) {
                    c.createStatement().executeQuery("select 1");
                }
            }).isInstanceOf(SQLException.class);
        } finally {
            Lab.run("fault", "pg-cont", replica);
        }
        assertThat(query(replica, "select 1")).isEqualTo("1");
    }

    @Test
    void replayPauseStopsReplayButNotReceiveAndResumeCatchesUp() throws Exception {
        String primary = leader().orElseThrow();
        String replica = replicas().get(0);
        Lab.run("fault", "replay-pause", replica);
        String id = marker();
        try {
            execute(primary, "insert into lab_faults(id) values ('" + id + "')");
            awaitTrue(Duration.ofSeconds(10), "WAL received but not replayed on " + replica, () -> {
                try {
                    return "t".equals(query(replica,
                            "select pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn()"));
                } catch (SQLException e) {
                    return false;
                }
            });
            Thread.sleep(1000);
            assertThat(has(replica, id)).as("row must not be replayed while paused").isFalse();
        } finally {
            Lab.run("fault", "replay-resume", replica);
        }
        awaitTrue(Duration.ofSeconds(10), "replay caught up on " + replica, () -> has(replica, id));
    }

    @Test
    void etcdStopLeavesTwoHealthyMembersAndPatroniKeepsItsLeader() {
        String primary = leader().orElseThrow();
        Lab.run("fault", "etcd-stop", "node-2");
        try {
            awaitTrue(Duration.ofSeconds(10), "2 healthy etcd members", () -> healthyEtcdMembers() == 2);
            assertThat(writable(primary)).isTrue();
        } finally {
            Lab.run("fault", "etcd-start", "node-2");
        }
        awaitTrue(Duration.ofSeconds(20), "3 healthy etcd members", () -> healthyEtcdMembers() == 3);
    }

    @Test
    void etcdQuorumLossDemotesThePrimaryAndRestoreBringsItBack() {
        Lab.run("fault", "etcd-quorum-loss");
        try {
            assertThat(healthyEtcdMembers()).isLessThanOrEqualTo(1);
            // Without its DCS Patroni cannot renew the leader key and demotes the primary.
            awaitTrue(Duration.ofSeconds(30), "no writable primary",
                    () -> NODES.stream().noneMatch(LabPg::writable));
        } finally {
            Lab.run("fault", "etcd-quorum-restore");
        }
        await(Duration.ofMinutes(1), "a writable leader", () -> leader().filter(LabPg::writable));
    }

    @Test
    void badFaultInputIsRefusedWithOneLine() {
        Lab.Result unknown = Lab.tryRun(Duration.ofSeconds(10), "fault", "no-such-fault");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr().strip()).doesNotContain("\n").contains("unknown fault");
        Lab.Result node = Lab.tryRun(Duration.ofSeconds(10), "fault", "pg-stop", "node-9");
        assertThat(node.exitCode()).isNotZero();
        assertThat(node.stderr().strip()).doesNotContain("\n").contains("node-9");
        Lab.Result missing = Lab.tryRun(Duration.ofSeconds(10), "fault", "pg-stop");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(Lab.tryRun(Duration.ofSeconds(10), "no-such-command").exitCode()).isNotZero();
    }

    private static String marker() throws SQLException {
        String primary = leader().orElseThrow();
        execute(primary, "create table if not exists lab_faults(id text primary key, at timestamptz default now())");
        return UUID.randomUUID().toString();
    }

    private static boolean has(String node, String id) {
        try {
            return "1".equals(query(node, "select count(*) from lab_faults where id = '" + id + "'"));
        } catch (SQLException e) {
            return false;
        }
    }

}
