package io.hadeck.probe.drbd;

import io.hadeck.config.ClusterConfig;
import io.hadeck.findings.FindingsEngine;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DrbdReader against the lab's DRBD pair (scripts/drbd-sim behind the lab's real sshd), as it reads a
 * real host: the split-brain each node's kernel log reports reaches the finding, in both formats.
 */
class DrbdKernelLogIT {

    private static final int SCALE = Integer.getInteger("hadeck.it.timeoutScale", 1);
    private static final List<String> NODES = List.of("drbd-a", "drbd-b");

    static Observation<DrbdStatus> read(String node) {
        NodeTarget t = new NodeTarget(node, false, Lab.host(node), 2222, "hadecklab", Lab.dir().resolve("ssh/lab_key").toString(),
                Lab.dir().resolve("ssh/known_hosts").toString(), Duration.ofSeconds(3L * SCALE), List.of());
        return new DrbdReader(t, new SshRunner(), Duration.ofSeconds(5L * SCALE), Clock.systemUTC()).read();
    }

    static ClusterSnapshot pair() {
        List<NodeView> nodes = NODES.stream().map(n -> NodeView.empty(n, Lab.host(n)).withDrbd(read(n))).toList();
        ClusterSnapshot s = new ClusterSnapshot(1, Instant.now(), "lab", nodes, null, null, null, List.of());
        return s.withFindings(FindingsEngine.derive(s, ClusterConfig.Thresholds.defaults()));
    }

    static void awaitConnected() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!NODES.stream().allMatch(n -> read(n).get().map(s -> s.resources().get(0).isConnected()).orElse(false))) {
            assertThat(System.nanoTime()).as("the DRBD pair connected again").isLessThan(end);
            Thread.sleep(500);
        }
    }

    @BeforeEach
    @AfterEach
    void healthy() throws InterruptedException {
        Lab.run("fault", "drbd-format", "8.4");
        Lab.run("fault", "drbd-reset");
        awaitConnected();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.4", "9"})
    void theSplitBrainEachKernelReportedIsInTheFinding(String format) throws InterruptedException {
        Lab.run("fault", "drbd-format", format);
        Lab.run("fault", "drbd-split-brain");
        ClusterSnapshot s = pair();
        for (NodeView n : s.nodes()) {
            DrbdStatus st = n.drbd().value();
            assertThat(st.kernelLog().read()).as("%s read its kernel log", n.name()).isTrue();
            assertThat(st.splitBrainReported(st.resources().get(0))).as(n.name())
                    .hasValueSatisfying(sb -> assertThat(sb.line()).endsWith("Split-Brain detected, dropping connection!"));
        }
        Finding f = s.findings().stream().filter(x -> x.code().equals(FindingCode.DRBD_SPLIT_BRAIN)).findFirst().orElseThrow();
        assertThat(f.message()).contains("is split-brain on drbd-a and drbd-b, reported by the kernel on drbd-a and drbd-b "
                + "(\"Split-Brain detected, dropping connection!\")");

        Lab.run("fault", "drbd-format", "8.4");
        Lab.run("fault", "drbd-reset");
        awaitConnected();
        ClusterSnapshot after = pair();
        assertThat(after.nodes()).allSatisfy(n -> assertThat(n.drbd().value().kernelLog().read())
                .as("a connected pair needs no kernel log").isFalse());
        assertThat(after.findings()).extracting(Finding::code).doesNotContain(FindingCode.DRBD_SPLIT_BRAIN);
    }
}
