package io.hadeck.actions.it;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.ha.PatroniManager;
import io.hadeck.actions.lock.EtcdActionLock;
import io.hadeck.actions.patroni.PatroniContext;
import io.hadeck.actions.patroni.RestartRunbook;
import io.hadeck.actions.patroni.SwitchoverRunbook;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.actions.runbook.FrontEnd;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.RunbookRunner;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.FindingCode;
import io.hadeck.model.HaMember;
import io.hadeck.model.NodeView;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.hadeck.actions.it.LabReadings.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Patroni will say, said first: a switchover to a standby tagged nofailover is refused by
 * hadeck's preflight with Patroni's own reason and no request is sent; and a setting that needs a
 * restart shows as PENDING_RESTART until `restart NODE` clears it. The lab is put back either way.
 */
class PatroniVerdictIT {
    static final ClusterConfig CFG = LabReadings.CFG;
    static final RunOptions YES = new RunOptions(false, false, FrontEnd.BATCH, true, false);

    @TempDir
    Path dir;

    PatroniContext ctx() {
        return new PatroniContext(CFG, new PatroniManager(CFG, new SshShell(CFG.ssh())), LabReadings::read,
                Duration.ofSeconds(90));
    }

    RunbookRunner runner(EtcdActionLock lock) {
        return new RunbookRunner(new AuditLog(dir.resolve("audit.jsonl"), Operator.current(), Clock.systemUTC()), lock,
                Clock.systemUTC());
    }

    static List<String> standbys(ClusterSnapshot s) {
        return s.standbys().stream().map(NodeView::name).sorted().toList();
    }

    @Test
    void aSwitchoverToANofailoverStandbyIsRefusedWithPatronisReasonBeforeAnyRequest() throws Exception {
        Lab.awaitHealthy(Duration.ofSeconds(90));
        ClusterSnapshot start = await(Duration.ofSeconds(120), s -> s.leaderKeyHolder().isPresent() && s.standbys().size() == 2);
        String tagged = standbys(start).get(0);
        String other = standbys(start).get(1);
        PatroniManager patroni = new PatroniManager(CFG, new SshShell(CFG.ssh()));
        try (EtcdActionLock lock = new EtcdActionLock(CFG, Operator.current(), Clock.systemUTC())) {
            patroni.setNodeFailover(tagged, false).run();
            await(Duration.ofSeconds(30), s -> s.ha().get().flatMap(h -> h.member(tagged)).map(m -> !m.failoverAllowed())
                    .orElse(false));
            RunReport r = LabReadings.runUntilRead(() -> runner(lock).run(new SwitchoverRunbook(ctx(),
                    SwitchoverRunbook.Kind.PROMOTE, tagged), YES, Confirmer.NOBODY, RunListener.NONE));
            assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.REFUSED);
            assertThat(r.steps()).as("no request was sent").isEmpty();
            assertThat(r.summary()).contains("Patroni will refuse: " + tagged + " is tagged nofailover (Patroni answers"
                    + " \"switchover is not possible: no good candidates have been found\")");
            System.out.println("promote " + tagged + " (nofailover): " + r.summary());

            Plan fine = LabReadings.planUntilRead(new SwitchoverRunbook(ctx(), SwitchoverRunbook.Kind.PROMOTE, other));
            assertThat(fine.preflight()).filteredOn(c -> c.name().equals("Patroni's verdict")).singleElement()
                    .extracting(Check::reason).asString().startsWith("Patroni will accept " + other
                            + " (maximum_lag_on_failover 1 MiB, loop_wait 2 s, ttl 10 s");
        } finally {
            patroni.setNodeFailover(tagged, true).run();
            await(Duration.ofSeconds(30), s -> s.ha().get().flatMap(h -> h.member(tagged)).map(HaMember::failoverAllowed)
                    .orElse(false));
            Lab.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    @Test
    void aSettingThatNeedsARestartIsPendingUntilRestartClearsIt() throws Exception {
        Lab.awaitHealthy(Duration.ofSeconds(90));
        ClusterSnapshot start = await(Duration.ofSeconds(120), s -> s.leaderKeyHolder().isPresent() && s.standbys().size() == 2);
        String node = standbys(start).get(0);
        try (EtcdActionLock lock = new EtcdActionLock(CFG, Operator.current(), Clock.systemUTC())) {
            Lab.run("fault", "pending-restart", node);
            ClusterSnapshot pending = await(Duration.ofSeconds(40), s -> s.findings().stream()
                    .anyMatch(f -> f.code().equals(FindingCode.PENDING_RESTART) && f.nodes().contains(node)));
            assertThat(pending.findings()).anySatisfy(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.PENDING_RESTART);
                assertThat(f.action()).isEqualTo("Restart it when a short interruption is acceptable: hadeck restart " + node + ".");
            });
            RunReport r = LabReadings.runUntilRead(() -> runner(lock).run(new RestartRunbook(ctx(), RestartRunbook.Kind.RESTART,
                    node), YES, Confirmer.NOBODY, RunListener.NONE));
            assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.DONE);
            assertThat(r.summary()).startsWith("done: " + node + " is running as a standby; ");
            ClusterSnapshot after = await(Duration.ofSeconds(30), s -> s.findings().stream()
                    .noneMatch(f -> f.code().equals(FindingCode.PENDING_RESTART)));
            assertThat(after.findings()).extracting(f -> f.code()).doesNotContain(FindingCode.PENDING_RESTART);
        } finally {
            Lab.run("heal");
        }
    }
}
