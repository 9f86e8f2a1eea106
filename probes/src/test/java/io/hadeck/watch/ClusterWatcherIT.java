package io.hadeck.watch;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.Severity;
import io.hadeck.probe.etcd.EtcdClients;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The watcher against the real lab, with real faults; every test leaves the lab healthy. */
class ClusterWatcherIT {

    private ClusterWatcher watcher;
    private final List<ClusterSnapshot> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Lab.awaitHealthy(Duration.ofSeconds(180));
        watcher = new ClusterWatcher(LabCluster.config(), Clock.systemUTC());
        watcher.subscribe(seen::add);
        watcher.start();
        ClusterSnapshot first = watcher.awaitFirstFull(Duration.ofSeconds(20));
        assertThat(first.primaries()).hasSize(1);
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    @Test
    void stoppedEtcdMemberIsAWarning() throws Exception {
        Lab.run("fault", "etcd-stop", "node-3");
        try {
            ClusterSnapshot s = await(Duration.ofSeconds(20), x -> x.findings().stream()
                    .anyMatch(f -> f.severity() == Severity.WARN && f.nodes().contains("node-3") && f.code().category() == FindingCode.Category.ETCD));
            Finding f = s.findings().stream().filter(x -> x.code().category() == FindingCode.Category.ETCD).findFirst().orElseThrow();
            System.out.println("[figure] etcd-stop node-3 -> " + f.severity() + " " + f.code() + ": " + f.message());
            assertThat(s.etcd().value().healthy()).isEqualTo(2);
            assertThat(s.etcd().value().hasQuorum()).isTrue();
        } finally {
            Lab.run("fault", "etcd-start", "node-3");
        }
    }

    @Test
    void stoppedPostgresGoesStaleWhileOtherNodesKeepTheirPace() throws Exception {
        String standby = watcher.latest().orElseThrow().standbys().get(0).name();
        String other = watcher.latest().orElseThrow().nodes().stream().map(NodeView::name)
                .filter(n -> n.startsWith("node-") && !n.equals(standby)).findFirst().orElseThrow();
        Thread.sleep(5000);
        Duration baseline = maxGap(readTimes(other, Instant.now().minusSeconds(5)));
        Lab.run("fault", "pg-stop", standby);
        Instant stoppedAt = Instant.now();
        try {
            Thread.sleep(8000);
            ClusterSnapshot s = watcher.latest().orElseThrow();
            Observation<?> stopped = s.node(standby).orElseThrow().postgres();
            Duration age = stopped.age(s.takenAt());
            System.out.println("[figure] pg-stop " + standby + ": after 8 s its reading is " + age.toMillis()
                    + " ms old, ok=" + stopped.isOk() + (stopped.isOk() ? "" : " (" + stopped.error() + ")"));
            assertThat(!stopped.isOk() || age.compareTo(Duration.ofSeconds(3)) > 0).isTrue();
            // The other nodes' PostgreSQL readings kept arriving about once a second.
            List<Instant> times = readTimes(other, stoppedAt);
            Duration maxGap = maxGap(times);
            System.out.println("[figure] meanwhile " + other + " got " + times.size() + " PG readings in 8 s, max gap "
                    + maxGap.toMillis() + " ms (before the fault: max gap " + baseline.toMillis() + " ms)");
            assertThat(times.size()).isGreaterThanOrEqualTo(4);
            // Not held up by the stopped node's 3 s read timeout: no gap near it beyond the box's own jitter.
            assertThat(maxGap).isLessThan(baseline.plusMillis(1500));
        } finally {
            Lab.run("fault", "pg-cont", standby);
        }
    }

    @Test
    void newLeaderIsInASnapshotWithinASecondOfTheLeaderKeyChange() throws Exception {
        String oldLeader = watcher.latest().orElseThrow().leaderKeyHolder().orElseThrow();
        Map<String, Instant> keyPut = new ConcurrentHashMap<>();
        ClusterConfigHolder cfg = new ClusterConfigHolder();
        // The test's own watch talks only to members that survive the crash: a watch on the crashed
        // node's etcd reconnects after the new leader's PUT, and that PUT's time is then unknown.
        List<String> survivors = cfg.cfg.nodes().stream().filter(n -> !n.name().equals(oldLeader))
                .map(io.hadeck.config.NodeConfig::etcd).filter(java.util.Objects::nonNull).toList();
        try (Client c = EtcdClients.build(cfg.cfg.etcd(), survivors, Duration.ofSeconds(2));
             var w = c.getWatchClient().watch(EtcdClients.bytes("/service/lab/leader"), WatchOption.newBuilder().build(),
                     r -> r.getEvents().stream().filter(e -> e.getEventType() == WatchEvent.EventType.PUT)
                             .forEach(e -> keyPut.putIfAbsent(EtcdClients.text(e.getKeyValue().getValue()), Instant.now())))) {
            Lab.run("fault", "node-crash", oldLeader);
            try {
                ClusterSnapshot s = await(Duration.ofSeconds(60), x -> x.leaderKeyHolder().filter(h -> !h.equals(oldLeader)).isPresent());
                String newLeader = s.leaderKeyHolder().orElseThrow();
                for (int i = 0; i < 50 && !keyPut.containsKey(newLeader); i++) {
                    Thread.sleep(100);   // the test's watch may trail the watcher's by a few ms
                }
                Instant put = keyPut.get(newLeader);
                assertThat(put).as("the test's own etcd watch saw the leader key PUT " + newLeader).isNotNull();
                ClusterSnapshot firstWithNew = seen.stream().filter(x -> x.leaderKeyHolder().filter(newLeader::equals).isPresent())
                        .findFirst().orElseThrow();
                long latency = Duration.between(put, firstWithNew.takenAt()).toMillis();
                System.out.println("[figure] node-crash " + oldLeader + ": leader key PUT " + newLeader + " at " + put
                        + ", first snapshot naming it seq " + firstWithNew.seq() + " at " + firstWithNew.takenAt()
                        + " -> " + latency + " ms (watcher's last etcd watch event: "
                        + watcher.lastWatchEvent().orElse(null) + ")");
                assertThat(latency).isLessThan(1000);
                ClusterSnapshot promoted = await(Duration.ofSeconds(30), x -> x.primary().map(NodeView::name)
                        .filter(newLeader::equals).isPresent());
                System.out.println("[figure] PG primary = Patroni leader " + newLeader + " in snapshot seq "
                        + promoted.seq() + ", " + Duration.between(put, promoted.takenAt()).toMillis() + " ms after the key");
            } finally {
                Lab.run("fault", "node-start", oldLeader);
            }
        }
    }

    private static final class ClusterConfigHolder {
        final io.hadeck.config.ClusterConfig cfg = LabCluster.config();
    }

    private List<Instant> readTimes(String node, Instant since) {
        List<Instant> out = new ArrayList<>();
        for (ClusterSnapshot s : watcher.history()) {
            Optional.ofNullable(s.node(node).orElseThrow().postgres()).map(Observation::readAt)
                    .filter(t -> t.isAfter(since)).filter(t -> out.isEmpty() || !out.get(out.size() - 1).equals(t))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static Duration maxGap(List<Instant> times) {
        Duration max = Duration.ZERO;
        for (int i = 1; i < times.size(); i++) {
            Duration d = Duration.between(times.get(i - 1), times.get(i));
            max = d.compareTo(max) > 0 ? d : max;
        }
        return max;
    }

    private ClusterSnapshot await(Duration timeout, Predicate<ClusterSnapshot> p) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ClusterSnapshot> s = watcher.latest().filter(p);
            if (s.isPresent()) {
                return s.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within " + timeout + "; latest findings: "
                + watcher.latest().map(ClusterSnapshot::findings).orElse(List.of()));
    }
}
