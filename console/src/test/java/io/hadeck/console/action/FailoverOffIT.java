package io.hadeck.console.action;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.FindingCode;
import io.hadeck.model.NodeView;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster failover off, then the primary crashes: Patroni (paused) elects nobody, status says why,
 * force-leader makes a standby primary (Patroni 3.0.2 accepts POST /failover with a candidate while
 * paused), failover back on, the crashed node rejoins.
 */
class FailoverOffIT {
    @TempDir
    Path dir;
    String crashed;

    @BeforeEach
    void healthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    @AfterEach
    void leaveTheLabHealthy() {
        ActionLab lab = new ActionLab(dir);
        lab.hadeck("set-cluster-failover", "on", "--yes");
        if (crashed != null) {
            Lab.tryRun(Duration.ofMinutes(3), "fault", "node-start", crashed);
        }
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    @Test
    void noAutomaticFailoverWhileOffThenForceLeader() {
        ActionLab lab = new ActionLab(dir);
        String old = lab.primary().orElseThrow();

        ActionLab.Run off = lab.hadeck("set-cluster-failover", "off", "--yes");
        assertThat(off.exit()).as(off.all()).isEqualTo(0);
        assertThat(off.out()).contains("PATCH http://").contains("{\"pause\":true}").contains("cluster failover is off");

        crashed = old;
        Lab.run("fault", "node-crash", old);
        Instant end = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(end)) {
            ClusterSnapshot s = lab.read();
            assertThat(s.primaries()).as("no automatic failover while paused").isEmpty();
            ActionLab.sleep(Duration.ofSeconds(3));
        }

        ActionLab.Run status = lab.hadeck("status");
        assertThat(status.out()).contains(FindingCode.CLUSTER_FAILOVER_DISABLED.name()).contains(FindingCode.PG_NO_PRIMARY.name());

        // the most advanced standby: force-leader of any other would need the data-loss acceptance (ForceLeaderIT)
        String candidate = lab.read().standbys().stream()
                .max(Comparator.comparing((NodeView n) -> n.postgres().value().replayedLsn()).thenComparing(NodeView::name))
                .map(NodeView::name).orElseThrow();
        ActionLab.Run force = lab.hadeck("force-leader", candidate, "--yes");
        System.out.printf("force-leader %s: exit %d after %d ms%n", candidate, force.exit(), force.took().toMillis());
        assertThat(force.exit()).as(force.all()).isEqualTo(0);
        assertThat(force.out()).contains("/failover {\"candidate\":\"" + candidate + "\"}")
                .contains(old + " (").contains("could not be read: what it holds that " + candidate
                        + " lacks cannot be measured from here and is lost")
                .contains("done: " + candidate + " is primary");
        assertThat(lab.primary()).contains(candidate);

        ActionLab.Run on = lab.hadeck("set-cluster-failover", "on", "--yes");
        assertThat(on.exit()).as(on.all()).isEqualTo(0);
        Lab.run("fault", "node-start", old);
        crashed = null;
        Lab.awaitHealthy(Duration.ofSeconds(180));
        ClusterSnapshot s = lab.await(Duration.ofSeconds(90), x -> ActionLab.streamsFrom(x, old, candidate));
        assertThat(ActionLab.streamsFrom(s, old, candidate)).as(old + " rejoined as a standby of " + candidate).isTrue();
        assertThat(lab.auditLines()).extracting(a -> a.action()).contains("set-cluster-failover off", "force-leader",
                "set-cluster-failover on");
    }
}
