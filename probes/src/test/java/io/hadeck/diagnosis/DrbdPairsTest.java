package io.hadeck.diagnosis;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdKernelLog;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pair's one diagnosis, as the findings, the card and the recovery plan read it. */
class DrbdPairsTest {

    static DrbdPairDiagnosis diagnose(ClusterSnapshot s) {
        return DrbdPairs.diagnose(s, "drbd-a", "drbd-b", List.of("pc0"), "pc0");
    }

    @ParameterizedTest
    @CsvSource({"1,SECONDARY_LOST", "2,RESYNCING", "3,PRIMARY_LOST", "4,PRIMARY_LOST_INCONSISTENT", "5,BOTH_SECONDARY"})
    void everyChefScenarioIsNamed(int n, DrbdScenario expected) {
        assertThat(diagnose(Clusters.drbdScenario(n)).scenario()).isEqualTo(expected);
    }

    @Test
    void healthyIsHealthy() {
        assertThat(diagnose(Clusters.drbdHealthy()).scenario()).isEqualTo(DrbdScenario.HEALTHY);
    }

    @Test
    void bothSecondaryAndStandAloneWithWritesOnEachSideIsASplitBrain() {
        DrbdPairDiagnosis d = diagnose(Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Secondary", "Unknown", "UpToDate", "DUnknown", 2048)
                .drbd("drbd-b", "StandAlone", "Secondary", "Unknown", "UpToDate", "DUnknown", 8192).build());
        assertThat(d.scenario()).isEqualTo(DrbdScenario.SPLIT_BRAIN);
        assertThat(d.evidence()).contains("both sides are StandAlone: each dropped the connection");
    }

    @Test
    void theKernelsSplitBrainLineIsEvidenceEvenWhenOnlyOneSideWrote() {
        DrbdKernelLog log = DrbdKernelLog.of(List.of(new DrbdKernelLog.SplitBrain(null, 0, null,
                "Split-Brain detected, dropping connection!", "[12.3] block drbd0: Split-Brain detected, dropping connection!")));
        DrbdPairDiagnosis d = diagnose(Clusters.builder()
                .drbd("drbd-a", "WFConnection", "Primary", "Unknown", "UpToDate", "DUnknown", 512)
                .drbdKernelLog("drbd-a", log)
                .drbd("drbd-b", "WFConnection", "Secondary", "Unknown", "UpToDate", "DUnknown", 0).build());
        assertThat(d.scenario()).isEqualTo(DrbdScenario.SPLIT_BRAIN);
        assertThat(d.evidence()).contains("the kernel on drbd-a reported: Split-Brain detected, dropping connection!");
    }

    @Test
    void cutApartWhereOnlyThePrimaryWroteLosesNothing() {
        DrbdPairDiagnosis d = diagnose(Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 512)
                .drbd("drbd-b", "WFConnection", "Secondary", "Unknown", "UpToDate", "DUnknown", 0).build());
        assertThat(d.scenario()).isEqualTo(DrbdScenario.DISCONNECTED);
        assertThat(d.reason()).contains("only drbd-a holds writes of its own").contains("nothing is lost");
    }

    @Test
    void aNodeThatCannotBeReadWhileItsPeerStillSeesItDecidesNothing() {
        DrbdPairDiagnosis d = diagnose(Clusters.builder()
                .drbd("drbd-a", "Connected", "Primary", "Secondary", "UpToDate", "UpToDate", 0)
                .unreachable("drbd-a", "ssh: connect to host 127.0.0.5 port 2222: Connection timed out")
                .drbd("drbd-b", "Connected", "Secondary", "Primary", "UpToDate", "UpToDate", 0).build());
        assertThat(d.scenario()).isEqualTo(DrbdScenario.UNKNOWN);
        assertThat(d.reason()).contains("drbd-a cannot be read but drbd-b still sees it (Connected, peer Primary)");
    }

    @Test
    void aNodeThatCannotBeReadIsUnverifiedNeverDown() {
        DrbdPairDiagnosis d = diagnose(Clusters.drbdScenario(3));
        assertThat(d.scenario()).isEqualTo(DrbdScenario.PRIMARY_LOST);
        assertThat(d.unverified()).isEqualTo("drbd-a");
        assertThat(d.evidence()).anyMatch(e -> e.contains("it may be down or only cut off"));
    }
}
