package io.hadeck.diagnosis;

import io.hadeck.model.DrbdStatus;
import io.hadeck.model.NotifyRecord;
import io.hadeck.model.Observation;
import io.hadeck.model.PairNodeState;
import io.hadeck.model.Severity;
import io.hadeck.parse.DrbdText;
import io.hadeck.parse.PairText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.hadeck.parse.PairTextTest.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chef HA scenarios 3/4 on a keepalived pair: drbd-a does not answer hadeck, and drbd-b's own links
 * decide whether it is gone — never hadeck's failure to reach it. Fed by what the lab's nodes print.
 */
class PeerEvidenceTest {

    static final Instant AT = Instant.parse("2026-12-01T09:02:00Z");

    static Observation<DrbdStatus> drbd(String file) throws IOException {
        return Observation.ok(DrbdText.parse(Files.readString(Path.of("src/test/resources/drbd", file))), AT, Duration.ZERO);
    }

    static Observation<PairNodeState> keepalived(String notify, String ps, String ip) {
        NotifyRecord r = PairText.notify(recorded(notify));
        return Observation.ok(new PairNodeState("drbd-a", "10.77.0.100", null, r, PairText.keepalived(recorded(ps)),
                PairText.addresses(recorded(ip)), null, Map.of()), AT, Duration.ZERO);
    }

    static PeerEvidence of(Observation<DrbdStatus> d, Observation<PairNodeState> k) {
        return PeerEvidence.of("drbd-b", "drbd-a", d, k, true);
    }

    @Test
    void aBackupStillHearsTheAdvertsOfAPeerHadeckCannotReachSoThePeerIsAlive() throws IOException {
        // drbd-a cut off from hadeck and from DRBD, its keepalived still the master on the VRRP link
        PeerEvidence e = of(drbd("lab-sim-8.4-scenario3-drbd-b.txt"),
                keepalived("notify-backup-done.txt", "ps-keepalived-running.txt", "ip-addr-backup.json"));
        assertThat(e.verdict()).isEqualTo(PeerEvidence.Verdict.PEER_ALIVE);
        assertThat(e.drbd()).containsExactly("minor 0 WFConnection, peer Unknown");
        assertThat(e.reason()).contains("VRRP BACKUP (it still receives drbd-a's adverts)")
                .contains("drbd-a is alive: drbd-b still sees it; only hadeck cannot reach it");
    }

    @Test
    void aMasterWaitingForItsDrbdPeerHearsNothingOnEitherLink() throws IOException {
        for (String file : List.of("lab-sim-8.4-scenario3-drbd-b.txt", "lab-sim-9-scenario3-drbd-b.txt")) {
            PeerEvidence e = of(drbd(file), keepalived("notify-master-done.txt", "ps-keepalived-running.txt",
                    "ip-addr-master-with-vip.json"));
            assertThat(e.verdict()).as(file).isEqualTo(PeerEvidence.Verdict.PEER_SILENT);
            assertThat(e.holdsVip()).isTrue();
            assertThat(e.reason()).as(file).contains("VRRP MASTER (it hears no master on the link)")
                    .contains("it holds the VIP").contains("drbd-b hears nothing from drbd-a on either link");
        }
    }

    @Test
    void aStandAloneSurvivorStoppedListeningSoItsDrbdSilenceIsNotEvidence() throws IOException {
        PeerEvidence e = of(drbd("lab-sim-8.4-scenario5-drbd-b.txt"), keepalived("notify-master-done.txt",
                "ps-keepalived-running.txt", "ip-addr-master-with-vip.json"));
        assertThat(e.verdict()).isEqualTo(PeerEvidence.Verdict.NOT_ENOUGH);
        assertThat(e.reason()).contains("StandAlone: it stopped listening, so its silence says nothing")
                .contains("that is not enough to say drbd-a is gone");
    }

    @Test
    void aSurvivorWhoseKeepalivedIsStoppedOrRefusedTheTakeoverHasNoHeartbeatToGoBy() throws IOException {
        PeerEvidence stopped = of(drbd("lab-sim-8.4-scenario3-drbd-b.txt"), keepalived("notify-stop-done.txt",
                "ps-keepalived-none.txt", "ip-addr-backup.json"));
        assertThat(stopped.verdict()).isEqualTo(PeerEvidence.Verdict.NOT_ENOUGH);
        assertThat(stopped.reason()).contains("keepalived is not running, so it hears nothing");
        PeerEvidence refused = of(drbd("lab-sim-8.4-scenario4-drbd-b.txt"), keepalived("notify-fault-refused.txt",
                "ps-keepalived-running.txt", "ip-addr-backup.json"));
        assertThat(refused.verdict()).isEqualTo(PeerEvidence.Verdict.NOT_ENOUGH);
        assertThat(refused.reason()).contains("VRRP FAULT (it does not listen)");
    }

    @Test
    void aPlainDrbdPairHasOnlyOneWitnessAndThatIsNotEnough() throws IOException {
        PeerEvidence e = PeerEvidence.of("drbd-b", "drbd-a", drbd("lab-sim-8.4-scenario3-drbd-b.txt"), null, false);
        assertThat(e.verdict()).isEqualTo(PeerEvidence.Verdict.NOT_ENOUGH);
        assertThat(e.reason()).contains("no keepalived configured, so no heartbeat of its own");
    }

    @Test
    void thePairsDiagnosisSaysWhatTheSurvivorShowsWhenOneSideDoesNotAnswer() throws IOException {
        PairSide gone = new PairSide("drbd-a", null, List.of(), "drbd-a cannot be read: ssh: connection timed out");
        PairSide survivor = PairOwnershipTest.owner("drbd-b");
        PeerEvidence e = of(drbd("lab-sim-8.4-scenario3-drbd-b.txt"), keepalived("notify-master-done.txt",
                "ps-keepalived-running.txt", "ip-addr-master-with-vip.json"));
        OwnershipDiagnosis d = PairOwnership.classify(gone, survivor, PairOwnershipTest.NOW, e);
        assertThat(d.owner()).isEqualTo("drbd-b");
        OwnershipProblem p = d.problems().get(0);
        assertThat(p.issue()).isEqualTo(OwnershipIssue.PEER_NOT_ANSWERING);
        assertThat(p.severity()).isEqualTo(Severity.CRIT);
        assertThat(p.message()).startsWith("drbd-a does not answer (ssh: connection timed out); drbd-b itself shows: DRBD ");
        assertThat(p.action()).contains("Check drbd-a's power and console");

        PeerEvidence alive = of(drbd("lab-sim-8.4-scenario3-drbd-b.txt"),
                keepalived("notify-backup-done.txt", "ps-keepalived-running.txt", "ip-addr-backup.json"));
        OwnershipProblem warn = PairOwnership.classify(gone, PairOwnershipTest.backup("drbd-b"), PairOwnershipTest.NOW, alive)
                .problems().stream().filter(x -> x.issue() == OwnershipIssue.PEER_NOT_ANSWERING).findFirst().orElseThrow();
        assertThat(warn.severity()).isEqualTo(Severity.WARN);
        assertThat(warn.action()).startsWith("Do not take over from drbd-a: it is alive.");
    }
}
