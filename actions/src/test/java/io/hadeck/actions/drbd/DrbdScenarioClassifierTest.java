package io.hadeck.actions.drbd;

import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DrbdScenarioClassifierTest {

    static DrbdDiagnosis classify(io.hadeck.model.ClusterSnapshot s) {
        return DrbdScenarioClassifier.classify(s, "drbd-a", "drbd-b", "pc0");
    }

    @ParameterizedTest
    @CsvSource({"1,SECONDARY_LOST", "2,RESYNCING", "3,PRIMARY_LOST", "4,PRIMARY_LOST_INCONSISTENT", "5,BOTH_SECONDARY"})
    void everyChefScenarioIsNamed(int n, DrbdScenario expected) {
        assertThat(classify(Clusters.drbdScenario(n)).scenario()).isEqualTo(expected);
    }

    @Test
    void scenario1SaysWhoServesAndWhatToDo() {
        DrbdDiagnosis d = classify(Clusters.drbdScenario(1));
        assertThat(d.reason()).startsWith("the Primary drbd-a runs without its peer (drbd-a: Primary, WFConnection,"
                + " UpToDate/DUnknown, 128 MiB out of sync; drbd-b: ").endsWith("bring drbd-b back and it resyncs from"
                + " drbd-a (scenario 2 if it returns Inconsistent)");
        assertThat(d.survivor().node()).isEqualTo("drbd-a");
    }

    @Test
    void scenario3IsSafeToPromote() {
        assertThat(classify(Clusters.drbdScenario(3)).reason()).contains("drbd-b is Secondary and UpToDate")
                .contains("can be promoted without loss");
    }

    @Test
    void scenario4NeedsForceAndLosesData() {
        assertThat(classify(Clusters.drbdScenario(4)).reason()).contains("drbd-b is Secondary and Inconsistent")
                .contains("primary --force");
    }

    @Test
    void splitBrainIsNamedWithBothSides() {
        DrbdDiagnosis d = classify(Clusters.drbdSplitBrain());
        assertThat(d.scenario()).isEqualTo(DrbdScenario.SPLIT_BRAIN);
        assertThat(d.reason()).contains("one is Primary").contains("drbd-a: Primary, StandAlone")
                .contains("drbd-b: Secondary, StandAlone").contains("choose the victim");
    }

    @Test
    void bothPrimaryStandAloneIsSplitBrain() {
        DrbdSide a = new DrbdSide("drbd-a", true, true, "Primary", "Unknown", "StandAlone", "UpToDate", "DUnknown", 4096, null);
        DrbdSide b = new DrbdSide("drbd-b", true, true, "Primary", "Unknown", "StandAlone", "UpToDate", "DUnknown", 4096, null);
        assertThat(DrbdScenarioClassifier.classify(a, b).reason()).contains("both are Primary");
    }

    @Test
    void bothSecondaryStandAloneIsScenario5NotSplitBrain() {
        DrbdSide a = new DrbdSide("drbd-a", true, true, "Secondary", "Unknown", "StandAlone", "UpToDate", "DUnknown", 2048, null);
        DrbdSide b = new DrbdSide("drbd-b", true, true, "Secondary", "Unknown", "StandAlone", "UpToDate", "DUnknown", 8192, null);
        assertThat(DrbdScenarioClassifier.classify(a, b).scenario()).isEqualTo(DrbdScenario.BOTH_SECONDARY);
    }

    @Test
    void aHealthyPairIsHealthyAndBothDownIsUnknown() {
        assertThat(classify(Clusters.drbdHealthy()).scenario()).isEqualTo(DrbdScenario.HEALTHY);
        DrbdSide x = DrbdSide.unreachable("drbd-a", "ssh: connection refused");
        DrbdSide y = DrbdSide.unreachable("drbd-b", "ssh: connection refused");
        assertThat(DrbdScenarioClassifier.classify(x, y).reason()).isEqualTo("neither node's DRBD can be read: drbd-a:"
                + " ssh: connection refused; drbd-b: ssh: connection refused");
    }

    @Test
    void oosIsReadFromProcDrbd84AndUnknownOn9() {
        assertThat(DrbdManager.outOfSync(" 0: cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown C r-----\n"
                + "    ns:672 nr:0 dw:24 dr:1697 al:2 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:b oos:130760\n")).isEqualTo(130760);
        assertThat(DrbdManager.outOfSync("version: 9.2.8 (api:2/proto:86-122)\n")).isEqualTo(-1);
    }
}
