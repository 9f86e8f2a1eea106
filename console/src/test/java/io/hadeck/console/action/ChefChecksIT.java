package io.hadeck.console.action;

import io.hadeck.model.FindingCode;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chef Backend seeds' checks, run on each node of the lab's cluster {@code chef} over ssh, as
 * `hadeck --cluster chef findings` reports them, for each lab fault that breaks one: a blocked port
 * (iptables REJECT), a skewed clock (the emulated `date`), the backend VIP on a follower.
 */
class ChefChecksIT {
    @TempDir
    Path dir;

    @BeforeEach
    void healthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    @AfterEach
    void undo() {
        Lab.tryRun(Duration.ofMinutes(1), "fault", "chef-reset");
    }

    ActionLab.Run findings() {
        return new ActionLab(dir).hadeck("--cluster", "chef", "findings");
    }

    @Test
    void aHealthyBackendHasNoChefFindings() {
        ActionLab.Run f = findings();
        assertThat(f.out()).as(f.all()).doesNotContain(FindingCode.PORT_UNREACHABLE.name()).doesNotContain(FindingCode.CLOCK_DRIFT.name())
                .doesNotContain(FindingCode.VIP_NOT_ON_LEADER.name()).doesNotContain(FindingCode.CHEF_SERVICE_DOWN.name());
    }

    @Test
    void aBlockedLeaderlPortIsSeenFromBothPeers() {
        Lab.run("fault", "chef-port-block", "node-3");
        ActionLab.Run f = findings();
        assertThat(f.out()).as(f.all()).contains("PORT_UNREACHABLE [node-1, node-2, node-3]")
                .contains("node-1 and node-2 cannot reach node-3 on TCP 7331 (leaderl)");
    }

    @Test
    void aSkewedClockIsDrift() {
        Lab.run("fault", "chef-clock-skew", "node-2", "6");
        ActionLab.Run f = findings();
        assertThat(f.out()).as(f.all()).contains(FindingCode.CLOCK_DRIFT.name()).contains("node-2's clock is");
    }

    @Test
    void theVipOnAFollowerIsCritical() {
        ActionLab lab = new ActionLab(dir);
        String follower = lab.read().standbys().get(0).name();
        String leader = lab.primary().orElseThrow();
        Lab.run("fault", "chef-vip-misplace", follower);
        ActionLab.Run f = findings();
        assertThat(f.out()).as(f.all()).contains(FindingCode.VIP_NOT_ON_LEADER.name())
                .contains("the backend VIP is on " + follower + " but the leader is " + leader);
    }
}
