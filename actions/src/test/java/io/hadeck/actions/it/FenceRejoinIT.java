package io.hadeck.actions.it;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.ha.PatroniManager;
import io.hadeck.actions.lock.EtcdActionLock;
import io.hadeck.actions.patroni.FenceRunbook;
import io.hadeck.actions.patroni.PatroniContext;
import io.hadeck.actions.patroni.RejoinRunbook;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.actions.runbook.FrontEnd;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.RunbookRunner;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.HaMember;
import io.hadeck.model.NodeView;
import io.hadeck.testkit.Lab;
import io.hadeck.watch.ClusterWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.hadeck.actions.it.LabReadings.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split-brain runbook on the real lab, as an operator lives it: Patroni is killed on the
 * primary (no watchdog) → the console says HA_AGENT_DOWN_ON_PRIMARY at once, with the seconds
 * left on the leader key → the key expires, another node is promoted, the old postmaster still
 * takes writes: PG_TWO_PRIMARIES → fence the old primary → one writable primary → its Patroni is
 * started again (the operator's service start) → rejoin it → two streaming standbys, no findings.
 */
class FenceRejoinIT {
    static final ClusterConfig CFG = LabReadings.CFG;

    @TempDir
    Path dir;

    static boolean has(ClusterSnapshot s, FindingCode code) {
        return s.findings().stream().anyMatch(f -> f.code().equals(code));
    }

    static List<FindingCode> codes(ClusterSnapshot s) {
        return s.findings().stream().map(Finding::code).toList();
    }

    static Finding finding(ClusterSnapshot s, FindingCode code) {
        return s.findings().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + s.findings()));
    }

    private static ClusterSnapshot firstHaReadingBegunAfter(List<ClusterSnapshot> seen, Instant t, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<ClusterSnapshot> first = seen.stream().filter(s -> s.ha() != null
                    && s.ha().readAt().minus(s.ha().took()).isAfter(t)).findFirst();
            if (first.isPresent()) {
                return first.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no HA reading begun after " + t + " within " + within.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aPrimaryWhosePatroniDiedIsFencedAndRejoined() throws Exception {
        Lab.awaitHealthy(Duration.ofSeconds(90));
        ClusterSnapshot start = await(Duration.ofSeconds(120), s -> s.leaderKeyHolder().isPresent() && s.standbys().size() == 2
                && s.findings().isEmpty());
        String old = start.leaderKeyHolder().orElseThrow(() -> new AssertionError("no leader key: " + start.ha()));
        PatroniContext ctx = new PatroniContext(CFG, new PatroniManager(CFG, new SshShell(CFG.ssh())), LabReadings::read,
                Duration.ofSeconds(90));
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Operator.current(), Clock.systemUTC());
        boolean killed = false;
        try {
            try (ClusterWatcher watcher = new ClusterWatcher(CFG, Clock.systemUTC())) {
                CompletableFuture<ClusterSnapshot> agentDown = new CompletableFuture<>();
                List<ClusterSnapshot> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
                watcher.subscribe(s -> {
                    seen.add(s);
                    if (has(s, FindingCode.HA_AGENT_DOWN_ON_PRIMARY)) {
                        agentDown.complete(s);
                    }
                });
                watcher.start();
                watcher.awaitFirstFull(Duration.ofSeconds(20));
                killed = true;
                Lab.run("fault", "patroni-kill", old);
                long t0 = System.nanoTime();   // the kill is the fault script's last move
                Instant killedAt = Instant.now();
                ClusterSnapshot warned = agentDown.get(30, TimeUnit.SECONDS);
                Duration after = Duration.ofNanos(System.nanoTime() - t0);
                Finding f = finding(warned, FindingCode.HA_AGENT_DOWN_ON_PRIMARY);
                System.out.println("HA_AGENT_DOWN_ON_PRIMARY " + after.toMillis() + " ms after patroni-kill (load "
                        + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + "): "
                        + f.message());
                assertThat(f.nodes()).containsExactly(old);
                assertThat(f.message()).startsWith(old + "'s patroni does not answer (").contains("the key expires in ")
                        .endsWith("and " + old + " keeps accepting writes: two writable primaries.");
                assertThat(f.action()).contains("hadeck fence " + old);
                // "at once": the first Patroni reading that began after the kill already says it (how many
                // seconds that is depends on the poll interval, 1 s in the lab, and on the machine's load).
                // On a quiet machine the warning comes from a reading begun between the kill and the fault
                // script's return, before any reading begun after it: wait for that one.
                ClusterSnapshot first = firstHaReadingBegunAfter(seen, killedAt, Duration.ofSeconds(10));
                assertThat(codes(first)).as("the first reading begun after the kill").contains(FindingCode.HA_AGENT_DOWN_ON_PRIMARY);
            }

            ClusterSnapshot split = await(Duration.ofSeconds(40), s -> has(s, FindingCode.PG_TWO_PRIMARIES));
            Finding two = finding(split, FindingCode.PG_TWO_PRIMARIES);
            String leader = split.leaderKeyHolder().orElseThrow();
            assertThat(leader).isNotEqualTo(old);
            assertThat(two.action()).startsWith("Fence the old primary: hadeck fence " + old);

            try (EtcdActionLock lock = new EtcdActionLock(CFG, Operator.current(), Clock.systemUTC())) {
                RunbookRunner runner = new RunbookRunner(audit, lock, Clock.systemUTC());
                RunOptions yes = new RunOptions(false, false, FrontEnd.BATCH, true, false);
                RunReport fenced = LabReadings.runUntilRead(() -> runner.run(new FenceRunbook(ctx, old), yes, Confirmer.NOBODY,
                        RunListener.NONE));
                assertThat(fenced.outcome()).as(fenced.summary()).isEqualTo(RunReport.Outcome.DONE);
                assertThat(fenced.plan().preflight()).anySatisfy(c -> assertThat(c.reason())
                        .isEqualTo("the leader key names " + leader + ", which accepts writes: " + old + " is the primary that must not"));
                assertThat(fenced.summary()).startsWith("done: " + old + " accepts no connections (")
                        .contains("Database cluster state: shut down; Latest checkpoint location: ");
                System.out.println("fence " + old + ": " + fenced.summary());
                ClusterSnapshot one = LabReadings.read();
                assertThat(one.primaries()).extracting(NodeView::name).containsExactly(leader);

                // its Patroni comes back (the operator starts the service); rejoin once Patroni lists it again
                Lab.run("fault", "node-start", old);
                killed = false;
                await(Duration.ofSeconds(90), s -> s.ha().get().flatMap(h -> h.member(old)).map(HaMember::state)
                        .filter("running"::equals).isPresent());
                if (new RejoinRunbook(ctx, old).plan().canLoseData()) {
                    RunReport refused = runner.run(new RejoinRunbook(ctx, old), yes, Confirmer.NOBODY, RunListener.NONE);
                    assertThat(refused.outcome()).as("--yes alone does not accept data loss: " + refused.summary())
                            .isEqualTo(RunReport.Outcome.NOT_CONFIRMED);
                    assertThat(refused.plan().dataLoss()).startsWith("Rejoin wipes " + old + "'s data directory and copies "
                            + leader + "'s: whatever " + old + " wrote that " + leader);
                }
                RunReport rejoined = LabReadings.runUntilRead(() -> runner.run(new RejoinRunbook(ctx, old),
                        new RunOptions(false, false, FrontEnd.BATCH, true, true), Confirmer.NOBODY, RunListener.NONE));
                assertThat(rejoined.outcome()).as(rejoined.summary()).isEqualTo(RunReport.Outcome.DONE);
                assertThat(rejoined.summary()).startsWith("done: " + leader + " is primary on timeline ")
                        .contains(old).endsWith(" stream from it");
            }
        } finally {
            if (killed) {
                Lab.tryRun(Duration.ofSeconds(30), "fault", "node-start", old);
            }
            Lab.awaitHealthy(Duration.ofSeconds(180));
        }
        ClusterSnapshot healthy = await(Duration.ofSeconds(60), s -> s.standbys().size() == 2 && s.findings().isEmpty());
        assertThat(healthy.findings()).as("findings once rejoined").isEmpty();
        assertThat(healthy.primaries()).hasSize(1);
    }
}
