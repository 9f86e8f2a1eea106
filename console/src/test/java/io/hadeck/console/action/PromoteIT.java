package io.hadeck.console.action;

import io.hadeck.actions.audit.AuditRecord;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `hadeck promote STANDBY --yes` on the real lab: verified switchover, old primary streaming from the new one, audited. */
class PromoteIT {
    @TempDir
    Path dir;

    @BeforeEach
    void healthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    @AfterEach
    void leaveTheLabHealthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    @Test
    void promoteAStandbyCompletesVerifiedAndAudited() {
        ActionLab lab = new ActionLab(dir);
        String old = lab.primary().orElseThrow();
        String target = old.equals("node-2") ? "node-3" : "node-2";

        ActionLab.Run r = lab.hadeck("promote", target, "--yes");

        System.out.printf("promote %s (from %s): exit %d after %d ms%n", target, old, r.exit(), r.took().toMillis());
        assertThat(r.exit()).as(r.all()).isEqualTo(0);
        assertThat(r.out()).contains("Preflight:").contains("✓ candidate streaming").contains("POST http://")
                .contains("/switchover {\"leader\":\"" + old + "\",\"candidate\":\"" + target + "\"}")
                .contains("step 1/1 switchover " + old + " → " + target)
                .contains("done: " + target + " is primary on timeline ");
        ClusterSnapshot s = lab.await(Duration.ofSeconds(60), x -> ActionLab.streamsFrom(x, old, target));
        assertThat(s.primaries()).extracting(n -> n.name()).containsExactly(target);
        assertThat(ActionLab.streamsFrom(s, old, target)).as(old + " streams from " + target).isTrue();

        List<AuditRecord> audit = lab.auditLines();
        assertThat(audit).allSatisfy(a -> {
            assertThat(a.action()).isEqualTo("promote");
            assertThat(a.target()).isEqualTo(target);
            assertThat(a.cluster()).isEqualTo("lab");
        });
        assertThat(audit).extracting(AuditRecord::step).contains("plan", "confirm", "lock", "end");
        assertThat(audit).extracting(AuditRecord::result).contains("planned", "confirmed", "ok");
        assertThat(audit.get(audit.size() - 1).detail()).startsWith("done: " + target + " is primary");
        assertThat(audit).filteredOn(a -> a.step().equals("confirm")).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("--yes"));
    }
}
