package io.hadeck.console.action;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.output.Json;
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

/**
 * Seed 004's rolling upgrade on the lab's {@code chef} cluster, through hadeck's CLI: a new
 * chef-backend package is "copied" to every node (the lab's fault chef-package), then
 * {@code hadeck --cluster chef rolling-upgrade} blocks failover, upgrades each follower, hands the
 * leadership to an upgraded follower, upgrades the old leader and turns failover on again; each node
 * then reports the new version from its version manifest, one primary, two streaming standbys.
 */
class RollingUpgradeIT {
    static final List<String> NODES = List.of("node-1", "node-2", "node-3");

    @TempDir
    Path dir;

    @BeforeEach
    void healthy() {
        Lab.awaitHealthy(Duration.ofSeconds(180));
        ClusterSnapshot s = new ActionLab(dir).await(Duration.ofSeconds(90), ChefBackendIT::twoStreaming);
        assertThat(ChefBackendIT.twoStreaming(s)).as("one primary, two streaming standbys before the test").isTrue();
    }

    @AfterEach
    void leaveTheLabAsFound() {
        new ActionLab(dir).hadeck("--cluster", "chef", "set-cluster-failover", "on", "--yes");
        Lab.tryRun(Duration.ofMinutes(3), "heal");
        Lab.awaitHealthy(Duration.ofSeconds(180));
    }

    /** What hadeck shows as the node's chef-backend version (show NODE --json, from its version manifest). */
    static String version(ActionLab lab, String node) {
        ActionLab.Run show = ChefBackendIT.chef(lab, "show", node, "--json");
        try {
            JsonNode chef = Json.mapper().readTree(show.out()).path("node").path("chef");
            assertThat(chef.path("ok").asBoolean()).as(show.all()).isTrue();
            return chef.path("value").path("version").asText(null);
        } catch (java.io.IOException e) {
            throw new AssertionError(show.all(), e);
        }
    }

    @Test
    void theRollingUpgradeRunsToTheEndAndEveryNodeRunsTheNewPackage() {
        ActionLab lab = new ActionLab(dir);
        String version = "2.3.17-it" + System.currentTimeMillis() / 1000;
        Lab.run("fault", "chef-package", version);
        String leader = lab.primary().orElseThrow();

        ActionLab.Run dry = ChefBackendIT.chef(lab, "rolling-upgrade", "--dry-run");
        assertThat(dry.exit()).as(dry.all()).isEqualTo(0);
        assertThat(dry.out()).contains("chef-backend-ctl set-cluster-failover off").contains("chef-backend-ctl upgrade")
                .contains("upgrade the old leader " + leader).contains("if a step fails").contains("dry run: preflight passed")
                .doesNotContain("patronictl");
        ActionLab.Run unconfirmed = ChefBackendIT.chef(lab, "rolling-upgrade");
        assertThat(unconfirmed.exit()).as("no terminal and no --yes: refused, nothing done").isEqualTo(4);

        ActionLab.Run run = ChefBackendIT.chef(lab, "rolling-upgrade", "--yes", "--reason", "seed 004 in the lab");
        System.out.printf("chef rolling-upgrade: exit %d after %d ms%n", run.exit(), run.took().toMillis());
        assertThat(run.exit()).as(run.all()).isEqualTo(0);
        assertThat(run.out()).contains("step 8/8").contains("done: cluster failover is on on chef")
                .contains("installed versions: node-1 " + version + ", node-2 " + version + ", node-3 " + version);

        ClusterSnapshot s = lab.await(Duration.ofSeconds(60), ChefBackendIT::twoStreaming);
        assertThat(ChefBackendIT.twoStreaming(s)).as("one primary, two streaming standbys after the upgrade").isTrue();
        assertThat(s.primaries().get(0).name()).as("the leadership moved to an upgraded follower").isNotEqualTo(leader);
        assertThat(s.ha().get().orElseThrow().failover().enabled()).as("failover on again").isTrue();
        for (String n : NODES) {
            assertThat(version(lab, n)).as("the version hadeck reads back on " + n).isEqualTo(version);
        }
        assertThat(lab.auditLines()).filteredOn(a -> a.action().equals("rolling-upgrade"))
                .extracting(a -> a.step() + " " + a.result())
                .contains("reason given", "step 1/8 block failover (seed 004 Step 1) ok", "end ok");
    }
}
