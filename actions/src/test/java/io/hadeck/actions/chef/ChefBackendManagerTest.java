package io.hadeck.actions.chef;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.TestClusters;
import io.hadeck.actions.remote.LocalShell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command lines hadeck gives chef-backend-ctl, as a recording stand-in receives them. */
class ChefBackendManagerTest {
    @TempDir
    Path dir;
    ChefBackendManager chef;

    @BeforeEach
    void setUp() throws Exception {
        Path standin = Path.of(getClass().getResource("/chef-backend-ctl-standin").toURI());
        standin.toFile().setExecutable(true);
        chef = new ChefBackendManager(TestClusters.lab(), new LocalShell(),
                List.of("env", "STANDIN_DIR=" + dir, standin.toString()));
    }

    List<String> calls() throws Exception {
        return Files.readAllLines(dir.resolve("calls"));
    }

    @Test
    void everyVerbGetsTheDocumentedArguments() throws Exception {
        assertThat(chef.switchover("node-1", "node-2").run()).isEqualTo("Promoting node-2 to leader... done");
        chef.demote("node-1", "node-2").run();
        chef.failover("node-3").run();
        chef.setClusterFailover(false).run();
        chef.setClusterFailover(true).run();
        chef.setNodeFailover("node-2", false).run();
        assertThat(calls()).containsExactly("promote node-2", "demote", "force-leader", "set-cluster-failover off",
                "set-cluster-failover on", "set-node-failover off");
    }

    @Test
    void aRefusalOfTheToolIsOneLine() throws Exception {
        Files.writeString(dir.resolve("fail-force-leader"), "a leader already exists: node-1\n");
        assertThatThrownBy(() -> chef.failover("node-2").run()).isInstanceOf(ActionException.class)
                .hasMessage("chef-backend-ctl force-leader on node-2 failed (exit 1): a leader already exists: node-1");
    }

    @Test
    void thePlanShowsTheCommandLine() {
        assertThat(chef.setNodeFailover("node-2", true).description()).endsWith("chef-backend-ctl-standin "
                + "set-node-failover on (local)");
    }
}
