package io.hadeck.actions.it;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.ha.PatroniManager;
import io.hadeck.actions.lock.EtcdActionLock;
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
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static io.hadeck.actions.it.LabReadings.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A standby stranded on a timeline its primary never had, made on purpose ({@code lab fault
 * timeline-fork}: another standby is promoted while this one streams from it, then the old primary
 * is put back), as an operator meets it: lag 0 and no WAL receiver, which must not pass for healthy →
 * TIMELINE_DIVERGENCE naming both timelines, when the stray one began and the postmaster's FATAL line
 * from the node's log over ssh → rejoin → two streaming standbys and no findings.
 */
class TimelineForkIT {
    static final ClusterConfig CFG = LabReadings.CFG;

    @TempDir
    Path dir;

    static Optional<Finding> divergence(ClusterSnapshot s, String node) {
        return s.findings().stream().filter(f -> f.code().equals(FindingCode.TIMELINE_DIVERGENCE) && f.nodes().contains(node)).findFirst();
    }

    /** The findings, without those of Elasticsearch: a lab may run without that part (HADECK_LAB_PARTS). */
    static java.util.List<Finding> findings(ClusterSnapshot s) {
        return s.findings().stream().filter(f -> f.code().category() != FindingCode.Category.ELASTICSEARCH && !f.message().toLowerCase(java.util.Locale.ROOT).contains("elasticsearch")).toList();
    }

    @Test
    void aStandbyOnAStrayTimelineIsDiagnosedAndRejoined() throws Exception {
        Lab.awaitHealthy(Duration.ofSeconds(120));
        ClusterSnapshot start = await(Duration.ofSeconds(120), s -> s.leaderKeyHolder().isPresent() && s.standbys().size() == 2
                && findings(s).isEmpty());
        assertThat(findings(start)).as("findings before the fault").isEmpty();
        String primary = start.leaderKeyHolder().orElseThrow();
        String stranded = start.standbys().stream().map(NodeView::name).sorted().findFirst().orElseThrow();
        int tl = start.node(primary).flatMap(n -> n.postgres().get()).map(PgInstance::timeline).orElseThrow();
        boolean faulted = false;
        try {
            faulted = true;
            System.out.println(Lab.run("fault", "timeline-fork", stranded).strip());
            ClusterSnapshot seen = await(Duration.ofSeconds(60), s -> divergence(s, stranded)
                    .filter(f -> f.message().contains("highest timeline")).isPresent());
            Finding f = divergence(seen, stranded).orElseThrow(() -> new AssertionError("no TIMELINE_DIVERGENCE for "
                    + stranded + ": " + seen.findings()));
            System.out.println("TIMELINE_DIVERGENCE: " + f.message() + " → " + f.action());
            assertThat(f.severity()).isEqualTo(io.hadeck.model.Severity.CRIT);
            assertThat(f.message()).startsWith(stranded + " follows timeline " + (tl + 1) + ", which the primary " + primary
                            + " (timeline " + tl + ") does not have: timeline " + (tl + 1) + " began on " + stranded + " at ")
                    .contains("(its history file); it cannot stream again by itself. Its log: ")
                    .endsWith("\"highest timeline " + tl + " of the primary is behind recovery timeline " + (tl + 1) + "\"");
            assertThat(f.action()).startsWith("Rejoin it: hadeck rejoin " + stranded);
            PgInstance pg = seen.node(stranded).flatMap(n -> n.postgres().get()).orElseThrow();
            assertThat(pg.isStreaming()).isFalse();
            assertThat(findings(seen)).as("the divergence explains why it does not stream: one finding for it")
                    .noneMatch(x -> x.code().equals(FindingCode.STANDBY_NOT_STREAMING) && x.nodes().get(0).equals(stranded));

            PatroniContext ctx = new PatroniContext(CFG, new PatroniManager(CFG, new SshShell(CFG.ssh())), LabReadings::read,
                    Duration.ofSeconds(120));
            AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Operator.current(), Clock.systemUTC());
            try (EtcdActionLock lock = new EtcdActionLock(CFG, Operator.current(), Clock.systemUTC())) {
                RunbookRunner runner = new RunbookRunner(audit, lock, Clock.systemUTC());
                // the other standby is being rewound by Patroni meanwhile: plan once the primary is the only writable node
                await(Duration.ofSeconds(60), s -> s.primaries().size() == 1);
                RunReport rejoined = LabReadings.runUntilRead(() -> runner.run(new RejoinRunbook(ctx, stranded),
                        new RunOptions(false, false, FrontEnd.BATCH, true, true), Confirmer.NOBODY, RunListener.NONE));
                assertThat(rejoined.outcome()).as(rejoined.summary()).isEqualTo(RunReport.Outcome.DONE);
                assertThat(rejoined.plan().dataLoss()).as("what it held of the stray timeline is lost, and said so")
                        .startsWith("Rejoin wipes " + stranded + "'s data directory");
                System.out.println("rejoin " + stranded + ": " + rejoined.summary());
            }
            faulted = false;
        } finally {
            if (faulted) {
                Lab.tryRun(Duration.ofMinutes(4), "heal");
            }
            Lab.awaitHealthy(Duration.ofSeconds(180));
        }
        ClusterSnapshot healthy = await(Duration.ofSeconds(90), s -> s.standbys().size() == 2 && findings(s).isEmpty()
                && s.standbys().stream().allMatch(n -> n.postgres().get().map(PgInstance::isStreaming).orElse(false)));
        assertThat(findings(healthy)).as("findings once rejoined").isEmpty();
        assertThat(healthy.standbys()).allSatisfy(n -> assertThat(n.postgres().get().map(PgInstance::isStreaming))
                .as(n.name() + " streams").contains(true));
    }
}
