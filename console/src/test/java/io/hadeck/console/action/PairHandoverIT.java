package io.hadeck.console.action;

import io.hadeck.actions.audit.AuditRecord;
import io.hadeck.diagnosis.OwnershipDiagnosis;
import io.hadeck.diagnosis.PairOwnership;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' graceful transition on the lab's real keepalived pair: `pair handover` stops keepalived
 * on the owner, everything (VIP, DRBD Primary, mount, services) ends on the peer, keepalived runs
 * again on the old owner as BACKUP, every part audited; then the pair is handed back, as found.
 */
class PairHandoverIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void theLabRunsThePair() {
        Assumptions.assumeTrue(Lab.runs("pair"), "the lab runs no keepalived pair (it was started with HADECK_LAB_PAIR=0)");
    }

    @BeforeEach
    void healthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    @AfterEach
    void leaveTheLabAsFound() {
        ActionLab lab = new ActionLab(dir);
        if (!"drbd-a".equals(owner(lab.read()).owner())) {
            lab.hadeck("pair", "handover", "--to", "drbd-a", "--yes");
        }
        Lab.run("heal");
    }

    static OwnershipDiagnosis owner(ClusterSnapshot s) {
        return PairOwnership.diagnose(s, "drbd-a", "drbd-b");
    }

    @Test
    void theHandoverEndsWithEverythingOnThePeerAndAnAuditTrail() {
        ActionLab lab = new ActionLab(dir);
        String from = owner(lab.await(Duration.ofSeconds(60), s -> owner(s).settled())).owner();
        String to = from.equals("drbd-a") ? "drbd-b" : "drbd-a";

        ActionLab.Run dry = lab.hadeck("pair", "handover", "--to", to, "--dry-run");
        assertThat(dry.exit()).as(dry.all()).isEqualTo(0);
        assertThat(dry.out()).contains("systemctl stop keepalived").contains("peer disk").contains("dry run");

        ActionLab.Run run = lab.hadeck("pair", "handover", "--to", to, "--yes", "--reason", "PairHandoverIT");
        assertThat(run.exit()).as(run.all()).isEqualTo(0);
        assertThat(run.out()).contains("done: " + to + " owns the pair");

        OwnershipDiagnosis after = owner(lab.read());
        assertThat(after.owner()).isEqualTo(to);
        assertThat(after.settled()).as(after.headline()).isTrue();
        assertThat(after.side(to).mounted()).isTrue();
        assertThat(after.side(to).state().allServicesUp()).isTrue();
        assertThat(after.side(from).holdsVip()).isFalse();
        assertThat(after.side(from).mounted()).isFalse();
        assertThat(after.side(from).activeServices()).isEmpty();

        List<String> trail = lab.auditLines().stream().filter(r -> r.action().equals("pair handover"))
                .map(r -> r.step() + " " + r.result()).toList();
        assertThat(trail).contains("reason given", "preflight peer disk ok", "preflight keepalived ok", "confirm confirmed",
                "lock ok", "recheck ok", "step 1/2 stop keepalived on " + from + " ok",
                "step 2/2 start keepalived on " + from + " ok", "end ok");
        assertThat(lab.auditLines()).extracting(AuditRecord::target).contains(to);

        ActionLab.Run already = lab.hadeck("pair", "handover", "--to", to, "--yes");
        assertThat(already.exit()).as(already.all()).isEqualTo(4);
        assertThat(already.err()).contains(to + " owns the pair already");
    }
}
