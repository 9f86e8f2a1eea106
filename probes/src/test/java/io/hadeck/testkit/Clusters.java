package io.hadeck.testkit;

import io.hadeck.model.EsStatus;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Cluster snapshots by name, for every module's tests: the situations the runbooks talk about
 * (healthy, primary down, two primaries, lag, lost quorum, DRBD scenarios 1–5, split-brain…).
 * Cluster "lab", nodes node-1..3 (etcd + PostgreSQL 15/Patroni + Elasticsearch 7.10.2) and the
 * DRBD pair drbd-a/drbd-b, all at the fixed instant {@link #NOW}. Each call returns a fresh
 * {@link ClusterBuilder} result; use {@link #healthy()} etc. to start from a named case and adjust.
 */
public final class Clusters {

    /** 03:00 UTC, when these things happen. */
    public static final Instant NOW = Instant.parse("2026-03-12T03:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Clusters() {
    }

    public static ClusterConfig.Thresholds thresholds() {
        return ClusterConfig.Thresholds.defaults();
    }

    // ------------------------------------------------------------------ builders to adjust

    /** Empty cluster "lab" at NOW: add what you need. */
    public static ClusterBuilder builder() {
        return new ClusterBuilder();
    }

    /** node-1 primary, node-2/3 streaming standbys, etcd x3, ES green x3, Patroni leader node-1. */
    public static ClusterBuilder healthy() {
        return builder()
                .etcdMembers("node-1", "node-2", "node-3")
                .primary("node-1").standby("node-2").standby("node-3")
                .esNodes("node-1", "node-2", "node-3");
    }

    /** A connected, synced DRBD pair: drbd-a Primary, drbd-b Secondary. */
    public static ClusterBuilder drbdPair() {
        return builder()
                .drbd("drbd-a", "Connected", "Primary", "Secondary", "UpToDate", "UpToDate", 0)
                .drbd("drbd-b", "Connected", "Secondary", "Primary", "UpToDate", "UpToDate", 0);
    }

    /** The whole lab healthy: the three database nodes plus the DRBD pair. */
    public static ClusterBuilder labBuilder() {
        return healthy()
                .drbd("drbd-a", "Connected", "Primary", "Secondary", "UpToDate", "UpToDate", 0)
                .drbd("drbd-b", "Connected", "Secondary", "Primary", "UpToDate", "UpToDate", 0);
    }

    // ------------------------------------------------------------------ named snapshots

    public static ClusterSnapshot lab() {
        return labBuilder().build();
    }

    public static ClusterSnapshot healthyPrimaryTwoStandbys() {
        return healthy().build();
    }

    /** node-1's PostgreSQL is gone (connection refused), Patroni's leader key has not expired yet. */
    public static ClusterSnapshot primaryDown() {
        return healthy().failed("node-1", "postgres", "connection refused (127.0.0.2:5432)")
                .notStreaming("node-2").notStreaming("node-3").build();
    }

    /**
     * Patroni on node-1 was killed alone (SIGKILL, no watchdog): its postmaster still accepts writes
     * while node-2 was promoted and holds the leader key.
     */
    public static ClusterSnapshot twoPrimaries() {
        return healthy().primary("node-2").leaderKey("node-2").timeline("node-2", 4)
                .failed("node-1", "ha", "connection refused (127.0.0.2:8008)")
                .notStreaming("node-3").build();
    }

    public static ClusterSnapshot lagging(String node, long bytes, double seconds) {
        return healthy().lag(node, bytes, seconds).build();
    }

    /** Two of three etcd members down: no quorum, Patroni cannot renew its leader key. */
    public static ClusterSnapshot etcdNoQuorum() {
        return healthy().failed("node-2", "etcd", "connection refused (127.0.0.3:2379)")
                .failed("node-3", "etcd", "context deadline exceeded (127.0.0.4:2379)").build();
    }

    /** node-3's Elasticsearch stopped: its replicas are unassigned, the cluster is yellow. */
    public static ClusterSnapshot esYellow() {
        return healthy().esStatus(EsStatus.YELLOW, 4).failed("node-3", "elasticsearch", "connection refused (127.0.0.4:9200)")
                .build();
    }

    /** node-3's Elasticsearch stopped holding the only copy of some primaries: red. */
    public static ClusterSnapshot esRed() {
        return healthy().esStatus(EsStatus.RED, 6).failed("node-3", "elasticsearch", "connection refused (127.0.0.4:9200)")
                .build();
    }

    public static ClusterSnapshot drbdHealthy() {
        return drbdPair().build();
    }

    /** Both sides StandAlone after "Split-Brain detected, dropping connection!", each with its own writes. */
    public static ClusterSnapshot drbdSplitBrain() {
        return builder()
                .drbd("drbd-a", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 130_760)
                .drbd("drbd-b", "StandAlone", "Secondary", "Unknown", "UpToDate", "DUnknown", 40_552)
                .build();
    }

    /**
     * The Chef HA document's DRBD failure scenarios, as both nodes' /proc/drbd show them:
     * 1 secondary lost (primary WFConnection, collecting oos), 2 hard-failed secondary back and
     * resyncing, 3 primary lost (secondary WFConnection, UpToDate), 4 primary lost while the
     * secondary was Inconsistent, 5 both Secondary.
     */
    public static ClusterSnapshot drbdScenario(int n) {
        String sshDown = "ssh: connect to host 127.0.0.%d port 2222: Connection refused";
        ClusterBuilder b = builder();
        switch (n) {
            case 1 -> b.drbd("drbd-a", "WFConnection", "Primary", "Unknown", "UpToDate", "DUnknown", 130_760)
                    .drbd("drbd-b", "Unconfigured", "Secondary", "Unknown", "UpToDate", "DUnknown", 0)
                    .unreachable("drbd-b", String.format(sshDown, 6));
            case 2 -> b.drbd("drbd-a", "SyncSource", "Primary", "Secondary", "UpToDate", "Inconsistent", 1_121_600)
                    .drbdSync("drbd-a", 57.3, 32, 34_328)
                    .drbd("drbd-b", "SyncTarget", "Secondary", "Primary", "Inconsistent", "UpToDate", 1_121_600)
                    .drbdSync("drbd-b", 57.3, 32, 34_328);
            case 3 -> b.drbd("drbd-a", "Unconfigured", "Primary", "Unknown", "UpToDate", "DUnknown", 0)
                    .unreachable("drbd-a", String.format(sshDown, 5))
                    .drbd("drbd-b", "WFConnection", "Secondary", "Unknown", "UpToDate", "DUnknown", 0);
            case 4 -> b.drbd("drbd-a", "Unconfigured", "Primary", "Unknown", "UpToDate", "DUnknown", 0)
                    .unreachable("drbd-a", String.format(sshDown, 5))
                    .drbd("drbd-b", "WFConnection", "Secondary", "Unknown", "Inconsistent", "DUnknown", 40_552);
            case 5 -> b.drbd("drbd-a", "Connected", "Secondary", "Secondary", "UpToDate", "UpToDate", 0)
                    .drbd("drbd-b", "Connected", "Secondary", "Secondary", "UpToDate", "UpToDate", 0);
            default -> throw new IllegalArgumentException("DRBD scenarios are 1..5, not " + n);
        }
        return b.build();
    }

    /** Every reading of {@code node} is 45 s old: the watcher could not refresh it. */
    public static ClusterSnapshot stale(String node) {
        return healthy().stale(node, Duration.ofSeconds(45)).build();
    }

    /** Every reading of {@code node} failed (host down). */
    public static ClusterSnapshot unreachable(String node) {
        ClusterBuilder b = healthy().unreachable(node, "connect timed out after 2000 ms (" + hostOf(node) + ")");
        if (!"node-1".equals(node)) {
            b.notStreaming(node);
        }
        return b.build();
    }

    /**
     * A large fleet for rendering and performance tests: node-1 primary, all others standbys,
     * etcd and ES on node-1..3; the last {@code round(nodes * unreachableFraction)} nodes unreachable.
     */
    public static ClusterSnapshot bigFleet(int nodes, double unreachableFraction) {
        if (nodes < 3) {
            throw new IllegalArgumentException("a fleet has at least 3 nodes");
        }
        ClusterBuilder b = healthy();
        for (int i = 4; i <= nodes; i++) {
            b.standby("node-" + i);
            b.lag("node-" + i, (i % 7) * 4096L, (i % 7) * 0.2);
        }
        long down = Math.round(nodes * unreachableFraction);
        for (int i = nodes; i > nodes - down && i > 1; i--) {
            b.unreachable("node-" + i, "connect timed out after 2000 ms (" + hostOf("node-" + i) + ")");
            b.notStreaming("node-" + i);
        }
        return b.build();
    }

    // ------------------------------------------------------------------ naming helpers

    /** node-1..3 on 127.0.0.2..4, drbd-a/b on .5/.6 (the lab's layout); other nodes on 10.x. */
    public static String hostOf(String node) {
        return switch (node) {
            case "drbd-a" -> "127.0.0.5";
            case "drbd-b" -> "127.0.0.6";
            default -> {
                int i = node.startsWith("node-") ? parse(node.substring(5)) : -1;
                if (i >= 1 && i <= 3) {
                    yield "127.0.0." + (i + 1);
                }
                int k = i > 0 ? i : Math.abs(node.hashCode() % 60_000);
                yield "10.20." + (k / 250) + "." + (k % 250 + 1);
            }
        };
    }

    static String drbdPeerOf(String node) {
        return switch (node) {
            case "drbd-a" -> "drbd-b";
            case "drbd-b" -> "drbd-a";
            default -> null;
        };
    }

    /** A stable unsigned 64-bit member ID in hex, high bit often set (as in real etcd). */
    static String etcdId(String name) {
        return Long.toHexString((name.hashCode() + 0x1234_5678L) * 0x9E37_79B9_7F4A_7C15L);
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
