package io.hadeck.findings;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.FindingCode;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The DRBD rules fed by what the lab's simulator really prints on both nodes. */
class DrbdRecordedPairsTest {

    static String sample(String file) throws IOException {
        return Files.readString(Path.of("src/test/resources/drbd", file));
    }

    static ClusterSnapshot pair(String fmt, String situation) throws IOException {
        return Clusters.builder()
                .drbdText("drbd-a", sample("lab-sim-" + fmt + "-" + situation + "-drbd-a.txt"))
                .drbdText("drbd-b", sample("lab-sim-" + fmt + "-" + situation + "-drbd-b.txt")).build();
    }

    @Test
    void splitBrainFromTheSimulatorIsSeenInBothFormats() throws IOException {
        for (String fmt : new String[]{"8.4", "9"}) {
            assertThat(FindingsEngineTest.codes(pair(fmt, "split-brain"))).as(fmt).contains(FindingCode.DRBD_SPLIT_BRAIN);
        }
    }

    /**
     * The simulator's scenario 5 is what an operator leaves after a split-brain: both made Secondary,
     * both StandAlone, each with writes of its own. That is still a split-brain, never "promote the
     * side with less out of sync" (which would throw away the other side's writes unasked).
     */
    @Test
    void bothSecondaryStandAloneWithWritesOnEachSideIsASplitBrain() throws IOException {
        for (String fmt : new String[]{"8.4", "9"}) {
            assertThat(FindingsEngineTest.codes(pair(fmt, "scenario5"))).as(fmt).contains(FindingCode.DRBD_SPLIT_BRAIN)
                    .doesNotContain(FindingCode.DRBD_BOTH_SECONDARY);
        }
    }

    /** The split-brain finding's action says which after-sb policy applies and that DRBD resolves nothing here. */
    @Test
    void theSplitBrainsActionNamesTheConfiguredPolicyThatApplies() throws IOException {
        io.hadeck.model.DrbdConfig dump = io.hadeck.model.DrbdConfig.of(io.hadeck.parse.DrbdDumpParser.parse(
                Files.readString(Path.of("src/test/resources/drbd-dump/lab-sim-8.4-drbd-b.txt"))), java.time.Instant.EPOCH);
        for (String fmt : new String[]{"8.4", "9"}) {
            ClusterSnapshot s = Clusters.builder()
                    .drbdText("drbd-a", sample("lab-sim-" + fmt + "-split-brain-drbd-a.txt")).drbdConfig("drbd-a", dump)
                    .drbdText("drbd-b", sample("lab-sim-" + fmt + "-split-brain-drbd-b.txt")).drbdConfig("drbd-b", dump).build();
            assertThat(FindingsEngineTest.only(s, FindingCode.DRBD_SPLIT_BRAIN).action()).as(fmt)
                    .contains("hadeck drbd recover --victim NODE plans exactly this. DRBD's policy: pc0: after-sb-2pri "
                            + "disconnect applies (both sides Primary): DRBD drops the connection and resolves nothing: "
                            + "recovery is manual; with both sides Secondary, after-sb-0pri discard-zero-changes");
        }
    }

    /**
     * /proc/drbd of 8.4 names no resource, but drbdadm takes names: once drbdadm dump was read, the
     * finding and its commands say "pc0", never a minor number drbdadm would refuse.
     */
    @Test
    void onDrbd84TheAdviceNamesTheResourceFromTheConfigurationNotItsMinor() throws IOException {
        io.hadeck.model.DrbdConfig dump = io.hadeck.model.DrbdConfig.of(io.hadeck.parse.DrbdDumpParser.parse(
                Files.readString(Path.of("src/test/resources/drbd-dump/lab-sim-8.4-drbd-b.txt"))), java.time.Instant.EPOCH);
        ClusterSnapshot named = Clusters.builder()
                .drbdText("drbd-a", sample("lab-sim-8.4-split-brain-drbd-a.txt")).drbdConfig("drbd-a", dump)
                .drbdText("drbd-b", sample("lab-sim-8.4-split-brain-drbd-b.txt")).drbdConfig("drbd-b", dump).build();
        var f = FindingsEngineTest.only(named, FindingCode.DRBD_SPLIT_BRAIN);
        assertThat(f.message()).startsWith("DRBD pc0 is split-brain");
        assertThat(f.action()).contains("drbdadm connect --discard-my-data pc0").doesNotContain("minor");

        var unnamed = FindingsEngineTest.only(pair("8.4", "split-brain"), FindingCode.DRBD_SPLIT_BRAIN);
        assertThat(unnamed.message()).as("no configuration read: the minor, said as such").startsWith("DRBD minor 0 is split-brain");
    }

    @Test
    void resyncFromTheSimulatorIsInformation() throws IOException {
        assertThat(FindingsEngineTest.codes(pair("8.4", "resync"))).contains(FindingCode.DRBD_RESYNC);
        assertThat(FindingsEngineTest.codes(pair("9", "resync"))).contains(FindingCode.DRBD_RESYNC);
    }
}
