package io.hadeck.console.tui;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdConfig;
import io.hadeck.model.NodeView;
import io.hadeck.parse.DrbdDumpParser;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A DRBD node's detail view (Enter) shows each resource's split-brain policies from drbdadm dump, and their age. */
class DetailViewDrbdTest {

    static String detail(DrbdConfig config) throws IOException {
        ClusterSnapshot s = Clusters.builder()
                .drbdText("drbd-a", Files.readString(Path.of("../probes/src/test/resources/drbd/lab-sim-8.4-split-brain-drbd-a.txt")))
                .drbdConfig("drbd-a", config).build();
        NodeView n = s.node("drbd-a").orElseThrow();
        return DetailViewChefTest.text(n, s);
    }

    @Test
    void eachResourcesAfterSplitBrainPoliciesAsDrbdadmDumpGaveThem() throws IOException {
        DrbdConfig dump = DrbdConfig.of(DrbdDumpParser.parse(Files.readString(
                Path.of("../probes/src/test/resources/drbd-dump/lab-sim-9-two-resources-drbd-a.txt"))),
                Clusters.NOW.minus(Duration.ofMinutes(3)));
        assertThat(detail(dump)).contains("  split-brain policies (drbdadm dump, read 3")
                .contains("    pc0: after-sb-0pri discard-zero-changes, after-sb-1pri disconnect, after-sb-2pri disconnect")
                .contains("    pc1: after-sb-0pri discard-zero-changes");
    }

    @Test
    void aDumpThatCouldNotBeReadSaysWhy() throws IOException {
        assertThat(detail(DrbdConfig.unavailable("drbdadm dump all on drbd-a: exit 1: permission denied", null)))
                .contains("  split-brain policies (drbdadm dump): drbdadm dump all on drbd-a: exit 1: permission denied");
    }
}
