package io.hadeck.actions.it;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.drbd.DrbdManager;
import io.hadeck.actions.drbd.DrbdRecoveryRunbook;
import io.hadeck.actions.lock.ActionLock;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.RunbookRunner;
import io.hadeck.config.ClusterConfig;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every DRBD scenario of the Chef document and split-brain, recovered through the real ssh path to the simulator. */
class DrbdRecoveryIT {
    static final ClusterConfig CFG = io.hadeck.actions.bench.LabConfig.of(System.getenv().getOrDefault("HADECK_LAB_NET", "127.0.0"), Lab.dir());
    final SshShell ssh = new SshShell(CFG.ssh());
    final DrbdManager drbd = new DrbdManager(CFG, ssh);
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Lab.run("fault", "drbd-reset");
        Lab.awaitHealthy(Duration.ofSeconds(60));
    }

    RunReport recover(String victim) {
        RunbookRunner runner = new RunbookRunner(new AuditLog(dir.resolve("audit.jsonl"), Operator.current(),
                Clock.systemUTC()), ActionLock.NONE, Clock.systemUTC());
        return runner.run(new DrbdRecoveryRunbook("lab", drbd, "drbd-a", "drbd-b", victim, Duration.ofSeconds(90)),
                new RunOptions(false, true, false), Confirmer.YES, RunListener.NONE);
    }

    String writes(String node) {
        return ssh.run(CFG.node(node).orElseThrow(), List.of("drbd-sim", "writes"), Duration.ofSeconds(10)).stdout();
    }

    @ParameterizedTest
    @CsvSource({"1,drbd-a", "2,drbd-a", "3,drbd-b", "4,drbd-b", "5,drbd-a"})
    void scenarioEndsConnectedUpToDateWithTheExpectedSideKept(int scenario, String kept) {
        Lab.run("fault", "drbd-scenario-" + scenario);
        String keptBefore = writes(kept);
        RunReport r = recover(null);
        assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(r.summary()).contains("Connected, UpToDate/UpToDate");
        assertThat(writes("drbd-a")).isEqualTo(writes("drbd-b"));
        String firstKeptLine = keptBefore.lines().reduce((x, y) -> y).orElseThrow().split(" ")[0];
        assertThat(writes(kept)).contains(firstKeptLine);
    }

    @Test
    void splitBrainNeedsAVictimThenKeepsTheSurvivorsData() {
        Lab.run("fault", "drbd-split-brain");
        RunReport refused = recover(null);
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.summary()).contains("choose the victim").contains("--victim");
        String survivorLast = writes("drbd-b").lines().reduce((x, y) -> y).orElseThrow().split(" ")[0];
        RunReport r = recover("drbd-a");
        assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(writes("drbd-a")).isEqualTo(writes("drbd-b")).contains(survivorLast);
    }
}
