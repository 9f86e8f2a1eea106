package io.hadeck.console.action;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditRecord;
import io.hadeck.actions.lock.ActionLock;
import io.hadeck.actions.lock.EtcdActionLock;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Each refusal exits 4 with its reason on screen and in the audit log, and changes nothing. */
class RefusalsIT {
    @TempDir
    Path dir;
    String primary;
    String standby;

    @BeforeEach
    void healthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    @AfterEach
    void leaveTheLabHealthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    ActionLab lab() {
        ActionLab lab = new ActionLab(dir);
        primary = lab.primary().orElseThrow();
        standby = primary.equals("node-2") ? "node-3" : "node-2";
        return lab;
    }

    void refusedAndUnchanged(ActionLab lab, ActionLab.Run r, String reason) {
        assertThat(r.exit()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains(reason);
        assertThat(lab.auditLines()).isNotEmpty().last().satisfies(a -> {
            assertThat(a.result()).isIn("refused", "not-confirmed");
            assertThat(a.detail()).contains(reason);
        });
        assertThat(lab.primary()).contains(primary);
    }

    @Test
    void aLaggingCandidateIsRefusedWithItsLag() {
        ActionLab lab = lab();
        // a tiny lagWarn makes "lagging" deterministic: any write the paused standby has not replayed
        ActionLab tight = new ActionLab(dir.resolve("tight"), y -> y.replace("lagWarn: 16MB", "lagWarn: 1KB"));
        Lab.run("fault", "replay-pause", standby);
        try {
            Lab.run("load", "5");
            ActionLab.Run r = tight.hadeck("promote", standby, "--yes");
            // the lab stops the startup process (SIGSTOP), so PostgreSQL does not report replay as paused: only the lag shows
            assertThat(r.out()).contains("✗ candidate lag:").contains(" behind — " + standby + " lags ");
            refusedAndUnchanged(tight, r, "lags");
            assertThat(r.err()).contains("limit 1 KiB, thresholds.lagWarn");
        } finally {
            Lab.run("fault", "replay-resume", standby);
        }
    }

    @Test
    void readOnlyRefusesBeforeAnything() {
        ActionLab lab = lab();
        ActionLab.Run r = lab.hadeck("--read-only", "promote", standby, "--yes");
        refusedAndUnchanged(lab, r, "read-only");
        assertThat(lab.auditLines()).extracting(AuditRecord::step).doesNotContain("lock", "confirm");
    }

    @Test
    void aBatchFileWithoutYesIsRefused() throws Exception {
        ActionLab lab = lab();
        Path file = dir.resolve("promote.hadeck");
        Files.writeString(file, "promote " + standby + "\n");
        ActionLab.Run r = lab.hadeck("run", file.toString());
        refusedAndUnchanged(lab, r, "refused: nobody to confirm");
        assertThat(r.err()).contains("add --yes");
    }

    @Test
    void theActionLockHeldByAnotherSessionRefuses() {
        ActionLab lab = lab();
        try (EtcdActionLock other = new EtcdActionLock(lab.cluster(), new Operator("alice", "bastion", 4242),
                Clock.systemUTC()); ActionLock.Held held = other.acquire()) {
            ActionLab.Run r = lab.hadeck("promote", standby, "--yes");
            refusedAndUnchanged(lab, r, "the action lock is held by alice@bastion pid 4242");
            assertThat(held.holderText()).startsWith("alice@bastion");
        }
    }
}
