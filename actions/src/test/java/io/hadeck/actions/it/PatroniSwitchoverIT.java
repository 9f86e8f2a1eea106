package io.hadeck.actions.it;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.audit.AuditRecord;
import io.hadeck.actions.ha.PatroniManager;
import io.hadeck.actions.lock.EtcdActionLock;
import io.hadeck.actions.patroni.PatroniContext;
import io.hadeck.actions.patroni.SwitchoverRunbook;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.RunbookRunner;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A switchover to a named standby on the real lab, verified against fresh readings, audited, under the etcd lock. */
class PatroniSwitchoverIT {
    static final ClusterConfig CFG = LabReadings.CFG;
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Lab.awaitHealthy(Duration.ofSeconds(90));
    }

    @Test
    void switchoverToANamedStandbyCompletesVerifiedAndAudited() throws InterruptedException {
        PatroniManager patroni = new PatroniManager(CFG, new SshShell(CFG.ssh()));
        ClusterSnapshot start = LabReadings.await(Duration.ofSeconds(30),
                s -> s.leaderKeyHolder().isPresent() && s.standbys().size() == 2);
        String leader = start.leaderKeyHolder().orElseThrow(() -> new AssertionError("no leader key: " + start.ha()));
        String target = leader.equals("node-2") ? "node-3" : "node-2";
        PatroniContext ctx = new PatroniContext(CFG, patroni, LabReadings::read, Duration.ofSeconds(60));
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Operator.current(), Clock.systemUTC());
        try (EtcdActionLock lock = new EtcdActionLock(CFG, Operator.current(), Clock.systemUTC())) {
            RunReport r = LabReadings.runUntilRead(() -> new RunbookRunner(audit, lock, Clock.systemUTC()).run(
                    new SwitchoverRunbook(ctx, SwitchoverRunbook.Kind.PROMOTE, target), new RunOptions(false, false, io.hadeck.actions.runbook.FrontEnd.BATCH, true, false),
                    Confirmer.NOBODY, RunListener.NONE));
            assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.DONE);
            assertThat(r.summary()).startsWith("done: " + target + " is primary on timeline ").contains(leader)
                    .contains("leader key: " + target);
            assertThat(lock.holder()).isEmpty();
        }
        assertThat(audit.tail(50)).extracting(AuditRecord::result).contains("planned", "confirmed", "ok");
    }
}
