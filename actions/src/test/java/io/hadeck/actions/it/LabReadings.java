package io.hadeck.actions.it;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.actions.bench.LabConfig;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Lab;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The lab's Patroni cluster as the console reads it: fresh snapshots, and waiting for one that shows something. */
final class LabReadings {
    static final ClusterConfig CFG = LabConfig.of(System.getenv().getOrDefault("HADECK_LAB_NET", "127.0.0"), Lab.dir());

    private LabReadings() {
    }

    static ClusterSnapshot read() {
        return OneShotSweep.SYSTEM.read(CFG, Duration.ofSeconds(5));
    }

    /** Reads until {@code done} holds, at most {@code limit} (a loaded machine may miss one read); the last snapshot either way. */
    static ClusterSnapshot await(Duration limit, Predicate<ClusterSnapshot> done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        ClusterSnapshot s = read();
        while (!done.test(s) && System.nanoTime() < end) {
            Thread.sleep(500);
            s = read();
        }
        return s;
    }

    /**
     * A run whose plan was read on a loaded machine can be refused because a reader timed out (every
     * engineer's lab shares two cores): such a run did nothing, so it is made again, up to three times.
     */
    static RunReport runUntilRead(Supplier<RunReport> run) {
        RunReport r = run.get();
        for (int i = 0; i < 2 && r.outcome() == RunReport.Outcome.REFUSED && timedOut(r.plan()); i++) {
            r = run.get();
        }
        return r;
    }

    /** The runbook's plan, planned again (up to three times) while a reader timed out. */
    static Plan planUntilRead(Runbook runbook) {
        Plan p = runbook.plan();
        for (int i = 0; i < 2 && timedOut(p); i++) {
            p = runbook.plan();
        }
        return p;
    }

    private static boolean timedOut(Plan p) {
        return p != null && p.failedChecks().stream().anyMatch(c -> c.reason().contains("timed out"));
    }
}
