package io.hadeck.console.tui;

import io.hadeck.actions.remote.SshShell;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split-brain an operator meets after making both sides Secondary, recovered from the real
 * console in tmux: the dialog asks which side's data to keep, then the victim's name, then LOSE
 * DATA; the simulator's write log shows exactly the victim's changes discarded.
 */
class ConsoleRecoveryIT {
    static final ClusterConfig CFG = ConfigLoader.load(Lab.configPath()).pick("lab");

    @BeforeEach
    void labIsHealthy() {
        Lab.awaitHealthy(Duration.ofSeconds(120));   // the test before may have crashed and restarted a node
    }

    @AfterEach
    void reset() {
        Lab.run("fault", "drbd-reset");
        Lab.awaitHealthy(Duration.ofSeconds(60));
    }

    List<String> writes(String node) {
        return new SshShell(CFG.ssh()).run(CFG.node(node).orElseThrow(), List.of("drbd-sim", "writes"),
                Duration.ofSeconds(10)).stdout().lines().toList();
    }

    static String last(List<String> writes) {
        return writes.get(writes.size() - 1).split(" ")[0];
    }

    @Test
    void theOperatorKeepsTheSideTheyChoseAndLosesOnlyTheVictimsChanges() throws Exception {
        Lab.run("fault", "drbd-scenario-5");
        String keptLast = last(writes("drbd-b"));
        String victimLast = last(writes("drbd-a"));
        String cmd = Lab.repo().resolve("scripts/hadeck") + " --config " + Lab.configPath()
                + "; echo HADECK-EXITED $?; sleep 600";
        try (TmuxConsole console = new TmuxConsole(cmd, 160, 45)) {
            console.await("the split-brain on both cards", s -> s.contains("DRBD_SPLIT_BRAIN")
                    && s.split("kernel: split-brain", -1).length > 2, Duration.ofSeconds(240));   // the first start after a build trains the AOT cache

            console.keys(":drbd recover", "Enter");   // the `:` line opens the same dialog as R
            String ask = console.await("which side to keep", s -> s.contains("whose data do you KEEP?"), Duration.ofSeconds(60));
            assertThat(ask).contains("drbd-a: Secondary", "drbd-b: Secondary", "kernel: Split-Brain detected");
            console.keys("drbd-b", "Enter");
            String plan = console.await("the plan and the target's name", s -> s.contains("Type the target's name (drbd-a)"),
                    Duration.ofSeconds(60));
            assertThat(plan).contains("victim: drbd-a", "drbdadm connect --discard-my-data pc0",
                    "DATA LOSS: drbd-a's changes since the split");
            console.keys("drbd-a", "Enter");
            console.await("LOSE DATA asked", s -> s.contains("Type LOSE DATA to accept"), Duration.ofSeconds(30));
            console.keys("LOSE DATA", "Enter");
            // the reason for the audit log is optional: Enter skips it
            console.await("the reason asked", s -> s.contains("A reason for the audit log"), Duration.ofSeconds(30));
            console.keys("Enter");
            String done = console.await("the account", s -> s.contains("exit 0 · any key closes"), Duration.ofSeconds(150));
            assertThat(done).contains("done: Connected, UpToDate/UpToDate");
            console.keys("Escape");   // any key closes the account; the console is back on its main view
            console.await("the dialog closed", s -> !s.contains("any key closes") && s.contains("Findings"),
                    Duration.ofSeconds(30));
            console.keys("q");
            console.await("the console gone", s -> s.contains("HADECK-EXITED 0"), Duration.ofSeconds(30));
        }
        assertThat(writes("drbd-a")).isEqualTo(writes("drbd-b"));
        assertThat(writes("drbd-b")).anyMatch(w -> w.startsWith(keptLast)).noneMatch(w -> w.startsWith(victimLast));
    }
}
