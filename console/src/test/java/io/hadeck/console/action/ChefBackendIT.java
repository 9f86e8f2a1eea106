package io.hadeck.console.action;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.FindingCode;
import io.hadeck.model.HaMember;
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
 * The lab's second cluster, {@code chef}: the same three nodes driven as Chef Backend, through
 * chef-backend-ctl over the lab's sshd (the emulator, scripts/chef-backend-ctl-emulator, acting on
 * the real Patroni/etcd/PostgreSQL). Every command is hadeck's CLI on cluster chef; what changed is
 * checked on the lab's Patroni cluster ({@code lab}), read by hadeck's other path.
 */
class ChefBackendIT {
    @TempDir
    Path dir;
    String crashed;

    @BeforeEach
    void healthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
        ActionLab lab = new ActionLab(dir);
        ClusterSnapshot s = lab.await(Duration.ofSeconds(90), ChefBackendIT::twoStreaming);
        assertThat(twoStreaming(s)).as("one primary, two streaming standbys before the test").isTrue();
    }

    static boolean twoStreaming(ClusterSnapshot s) {
        return s.primaries().size() == 1 && s.standbys().stream()
                .filter(n -> ActionLab.streamsFrom(s, n.name(), s.primaries().get(0).name())).count() == 2;
    }

    @AfterEach
    void leaveTheLabAsFound() {
        ActionLab lab = new ActionLab(dir);
        lab.hadeck("--cluster", "chef", "set-cluster-failover", "on", "--yes");
        if (crashed != null) {
            Lab.tryRun(Duration.ofMinutes(3), "fault", "node-start", crashed);
        }
        Lab.tryRun(Duration.ofMinutes(3), "heal");
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    /** hadeck's CLI on the lab's cluster chef. */
    static ActionLab.Run chef(ActionLab lab, String... args) {
        String[] argv = new String[args.length + 2];
        argv[0] = "--cluster";
        argv[1] = "chef";
        System.arraycopy(args, 0, argv, 2, args.length);
        return lab.hadeck(argv);
    }

    static boolean failoverAllowed(ClusterSnapshot s, String node) {
        return s.ha().get().flatMap(ha -> ha.member(node)).map(HaMember::failoverAllowed).orElseThrow();
    }

    @Test
    void setNodeFailoverOffThenOnIsReadBack() {
        ActionLab lab = new ActionLab(dir);
        String standby = lab.read().standbys().get(0).name();

        ActionLab.Run off = chef(lab, "set-node-failover", standby, "off", "--yes");
        assertThat(off.exit()).as(off.all()).isEqualTo(0);
        assertThat(off.out()).contains("chef-backend-ctl set-node-failover off")
                .contains("done: " + standby + " is excluded from failover (chef-backend-ctl set-node-failover off)");
        assertThat(failoverAllowed(lab.read(), standby)).as("Patroni's nofailover tag on " + standby).isFalse();
        ActionLab.Run findings = chef(lab, "findings");
        assertThat(findings.out()).contains(FindingCode.NODE_FAILOVER_DISABLED.name()).contains("chef-backend-ctl set-node-failover on")
                .doesNotContain("patronictl").doesNotContain("Patroni");

        ActionLab.Run on = chef(lab, "set-node-failover", standby, "on", "--yes");
        assertThat(on.exit()).as(on.all()).isEqualTo(0);
        assertThat(on.out()).contains("done: " + standby + " may become leader (chef-backend-ctl set-node-failover on)");
        assertThat(failoverAllowed(lab.read(), standby)).isTrue();
        assertThat(lab.auditLines()).extracting(a -> a.action()).contains("set-node-failover off", "set-node-failover on");
    }

    @Test
    void promoteThenDemoteMoveTheLeaderThroughChefBackendCtl() {
        ActionLab lab = new ActionLab(dir);
        String old = lab.primary().orElseThrow();
        String standby = lab.read().standbys().get(0).name();

        ActionLab.Run promote = chef(lab, "promote", standby, "--yes");
        System.out.printf("chef promote %s: exit %d after %d ms%n", standby, promote.exit(), promote.took().toMillis());
        assertThat(promote.exit()).as(promote.all()).isEqualTo(0);
        assertThat(promote.out()).contains("chef-backend-ctl promote " + standby).contains("done: " + standby + " is primary");
        assertThat(lab.primary()).contains(standby);

        ActionLab.Run demote = chef(lab, "demote", standby, "--yes");
        System.out.printf("chef demote %s: exit %d after %d ms%n", standby, demote.exit(), demote.took().toMillis());
        assertThat(demote.exit()).as(demote.all()).isEqualTo(0);
        assertThat(demote.out()).contains("chef-backend-ctl demote").contains("leaderl elects the new leader")
                .doesNotContain("promote");
        String now = lab.primary().orElseThrow();
        assertThat(now).isNotEqualTo(standby);
        ClusterSnapshot s = lab.await(Duration.ofSeconds(90), x -> ActionLab.streamsFrom(x, standby, now));
        assertThat(ActionLab.streamsFrom(s, standby, now)).as(standby + " streams from " + now).isTrue();
        assertThat(old).isNotNull();
    }

    @Test
    void clusterFailoverOffThenACrashDoesNotFailOverThenForceLeader() {
        ActionLab lab = new ActionLab(dir);
        String old = lab.primary().orElseThrow();

        ActionLab.Run off = chef(lab, "set-cluster-failover", "off", "--yes");
        assertThat(off.exit()).as(off.all()).isEqualTo(0);
        assertThat(off.out()).contains("chef-backend-ctl set-cluster-failover off")
                .contains("cluster failover is off on chef (chef-backend-ctl set-cluster-failover off: no automatic failover)");

        crashed = old;
        Lab.run("fault", "node-crash", old);
        Instant end = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(end)) {
            assertThat(lab.read().primaries()).as("no automatic failover while chef failover is off").isEmpty();
            ActionLab.sleep(Duration.ofSeconds(3));
        }
        ActionLab.Run status = chef(lab, "status");
        assertThat(status.out()).contains(FindingCode.CLUSTER_FAILOVER_DISABLED.name()).contains("chef-backend-ctl set-cluster-failover on")
                .contains(FindingCode.PG_NO_PRIMARY.name()).doesNotContain("patronictl");

        String candidate = lab.read().standbys().stream()
                .max(Comparator.comparing((NodeView n) -> n.postgres().value().replayedLsn()).thenComparing(NodeView::name))
                .map(NodeView::name).orElseThrow();
        ActionLab.Run force = chef(lab, "force-leader", candidate, "--yes");
        System.out.printf("chef force-leader %s: exit %d after %d ms%n", candidate, force.exit(), force.took().toMillis());
        assertThat(force.exit()).as(force.all()).isEqualTo(0);
        assertThat(force.out()).contains("chef-backend-ctl force-leader").contains("done: " + candidate + " is primary");
        assertThat(lab.primary()).contains(candidate);

        ActionLab.Run on = chef(lab, "set-cluster-failover", "on", "--yes");
        assertThat(on.exit()).as(on.all()).isEqualTo(0);
        Lab.run("fault", "node-start", old);
        crashed = null;
        Lab.awaitHealthy(Duration.ofSeconds(180));
        ClusterSnapshot s = lab.await(Duration.ofSeconds(90), x -> ActionLab.streamsFrom(x, old, candidate));
        assertThat(ActionLab.streamsFrom(s, old, candidate)).as(old + " rejoined as a standby of " + candidate).isTrue();
    }
}
