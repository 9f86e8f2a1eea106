package io.hadeck.diagnosis;

import io.hadeck.model.DrbdRole;
import io.hadeck.model.FindingCode;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NotifyRecord;
import io.hadeck.model.PairNodeState;
import io.hadeck.model.Severity;
import io.hadeck.parse.PairText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.hadeck.parse.PairTextTest.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/** Who owns the pair, from both nodes' recorded readings, as an operator would decide it. */
class PairOwnershipTest {

    static final String VIP = "10.77.0.100";
    static final String MOUNT = "/var/opt/hadeck/drbd/data";
    static final Instant NOW = Instant.parse("2026-12-01T09:02:00Z");

    /** A node as its readers would see it. */
    static PairSide node(String name, String notify, String ps, String ip, boolean mounted, boolean services, String role) {
        Map<String, Boolean> svc = new LinkedHashMap<>();
        for (String s : List.of("postgresql", "rabbitmq", "solr")) {
            svc.put(s, services);
        }
        NotifyRecord r = notify == null ? null : PairText.notify(recorded(notify));
        KeepalivedProcess ka = PairText.keepalived(recorded(ps));
        PairNodeState st = new PairNodeState(name.equals("drbd-a") ? "drbd-b" : "drbd-a", VIP, MOUNT, r, ka,
                PairText.addresses(recorded(ip)), mounted ? MOUNT : null, svc);
        return new PairSide(name, st, role == null ? List.of() : List.of(new PairSide.Resource("pc0", DrbdRole.of(role))), null);
    }

    static PairSide owner(String name) {
        return node(name, "notify-master-done.txt", "ps-keepalived-running.txt", "ip-addr-master-with-vip.json", true, true, "Primary");
    }

    static PairSide backup(String name) {
        return node(name, "notify-backup-done.txt", "ps-keepalived-running.txt", "ip-addr-backup.json", false, false, "Secondary");
    }

    static List<FindingCode> codes(OwnershipDiagnosis d) {
        return d.problems().stream().map(p -> p.issue().code()).toList();
    }

    @Test
    void oneNodeHoldingTheVipPrimaryMountAndServicesOwnsThePair() {
        OwnershipDiagnosis d = PairOwnership.classify(owner("drbd-a"), backup("drbd-b"), NOW);
        assertThat(d.owner()).isEqualTo("drbd-a");
        assertThat(d.problems()).isEmpty();
        assertThat(d.headline()).isEqualTo("owner drbd-a");
    }

    /** The same node with its DRBD roles per resource, e.g. "pc0", "Primary", "pc1", "Secondary". */
    static PairSide withResources(PairSide x, String... nameRole) {
        List<PairSide.Resource> r = new java.util.ArrayList<>();
        for (int i = 0; i < nameRole.length; i += 2) {
            r.add(new PairSide.Resource(nameRole[i], DrbdRole.of(nameRole[i + 1])));
        }
        return new PairSide(x.node(), x.state(), r, x.problem());
    }

    @Test
    void anOwnerPrimaryOnAllItsResourcesOwnsAPairOfSeveral() {
        OwnershipDiagnosis d = PairOwnership.classify(withResources(owner("drbd-a"), "pc0", "Primary", "pc1", "Primary"),
                withResources(backup("drbd-b"), "pc0", "Secondary", "pc1", "Secondary"), NOW);
        assertThat(d.owner()).isEqualTo("drbd-a");
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void theVipHolderPrimaryOnOneResourceAndSecondaryOnTheOtherIsAMismatchNamingTheResource() {
        OwnershipDiagnosis d = PairOwnership.classify(withResources(owner("drbd-a"), "pc0", "Primary", "pc1", "Secondary"),
                withResources(backup("drbd-b"), "pc0", "Secondary", "pc1", "Secondary"), NOW);
        assertThat(d.owner()).isNull();
        OwnershipProblem p = d.problems().get(0);
        assertThat(p.issue()).isEqualTo(OwnershipIssue.VIP_DRBD_MISMATCH);
        assertThat(p.severity()).isEqualTo(Severity.CRIT);
        assertThat(p.message()).startsWith("the VIP is on drbd-a but it is DRBD Primary only on pc0, not on pc1 (")
                .contains("pc0 Primary, pc1 Secondary");
        assertThat(p.action()).startsWith("Make drbd-a Primary on pc1 too (drbdadm primary pc1 there");
    }

    @Test
    void thePeerPrimaryOnOneOfTheResourcesIsAMismatchNamingIt() {
        OwnershipDiagnosis d = PairOwnership.classify(withResources(owner("drbd-a"), "pc0", "Primary", "pc1", "Secondary"),
                withResources(backup("drbd-b"), "pc0", "Secondary", "pc1", "Primary"), NOW);
        assertThat(d.owner()).isNull();
        assertThat(d.problems().get(0).message()).startsWith("the VIP is on drbd-a but DRBD Primary is drbd-b (on pc1)");
    }

    @Test
    void aFrozenMasterLeavesTheVipOnBothNodesAndThatIsCritical() {
        PairSide frozen = node("drbd-a", "notify-master-done.txt", "ps-keepalived-frozen.txt", "ip-addr-master-with-vip.json",
                true, true, "Primary");
        PairSide taking = node("drbd-b", "notify-master-in-progress.txt", "ps-keepalived-running.txt",
                "ip-addr-second-master-frozen-peer.json", false, false, "Secondary");
        OwnershipDiagnosis d = PairOwnership.classify(frozen, taking, Instant.parse("2026-12-01T09:01:30Z"));
        assertThat(d.owner()).isNull();
        assertThat(d.problems().get(0).issue()).isEqualTo(OwnershipIssue.VIP_ON_BOTH);
        assertThat(d.problems().get(0).severity()).isEqualTo(Severity.CRIT);
        assertThat(d.problems().get(0).action()).startsWith("keepalived on drbd-a is frozen");
        assertThat(codes(d)).contains(FindingCode.KEEPALIVED_DOWN, FindingCode.HANDOVER_IN_PROGRESS);
        assertThat(d.problems()).filteredOn(p -> p.issue() == OwnershipIssue.KEEPALIVED_DOWN)
                .singleElement().extracting(OwnershipProblem::severity).isEqualTo(Severity.CRIT);
    }

    @Test
    void aHandoverInProgressNamesTheStepReachedOnEachSide() {
        PairSide giving = node("drbd-a", "notify-stop-done.txt", "ps-keepalived-none.txt", "ip-addr-backup.json", false, false, "Secondary");
        PairSide taking = node("drbd-b", "notify-master-in-progress.txt", "ps-keepalived-running.txt",
                "ip-addr-master-with-vip.json", false, false, "Secondary");
        OwnershipDiagnosis d = PairOwnership.classify(giving, taking, Instant.parse("2026-12-01T09:01:31Z"));
        OwnershipProblem h = d.problems().stream().filter(p -> p.issue() == OwnershipIssue.HANDOVER_IN_PROGRESS).findFirst().orElseThrow();
        assertThat(h.severity()).isEqualTo(Severity.INFO);
        assertThat(h.message()).contains("drbd-a STOP: vip removed, services-stopped ok, unmounted ok, drbd-secondary ok (done)",
                "drbd-b MASTER: vip ok (running)");
        assertThat(codes(d)).doesNotContain(FindingCode.VIP_DRBD_MISMATCH);
    }

    @Test
    void theVipOnOneNodeAndDrbdPrimaryOnTheOtherIsAMismatch() {
        PairSide vipOnly = node("drbd-a", "notify-master-done.txt", "ps-keepalived-running.txt", "ip-addr-master-with-vip.json",
                false, false, "Secondary");
        PairSide primary = node("drbd-b", "notify-backup-done.txt", "ps-keepalived-running.txt", "ip-addr-backup.json",
                true, true, "Primary");
        OwnershipDiagnosis d = PairOwnership.classify(vipOnly, primary, NOW);
        assertThat(d.owner()).isNull();
        assertThat(codes(d)).contains(FindingCode.VIP_DRBD_MISMATCH, FindingCode.SERVICES_ON_NON_OWNER);
        assertThat(d.problems().get(0).action()).contains("hadeck pair handover --to drbd-b");
    }

    @Test
    void theVipOnNeitherNodeIsAnOutage() {
        PairSide a = node("drbd-a", "notify-stop-done.txt", "ps-keepalived-none.txt", "ip-addr-backup.json", false, false, "Primary");
        OwnershipDiagnosis d = PairOwnership.classify(a, backup("drbd-b"), NOW);
        assertThat(codes(d)).contains(FindingCode.VIP_ON_NEITHER, FindingCode.KEEPALIVED_DOWN);
        assertThat(d.problems().get(0).action()).contains("Start keepalived on drbd-a");
    }

    @Test
    void keepalivedDownOnTheBackupIsAWarning() {
        PairSide b = node("drbd-b", "notify-stop-done.txt", "ps-keepalived-none.txt", "ip-addr-backup.json", false, false, "Secondary");
        OwnershipDiagnosis d = PairOwnership.classify(owner("drbd-a"), b, NOW);
        assertThat(d.owner()).isEqualTo("drbd-a");
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.issue()).isEqualTo(OwnershipIssue.KEEPALIVED_DOWN);
            assertThat(p.severity()).isEqualTo(Severity.WARN);
            assertThat(p.message()).contains("cannot take the pair over");
        });
    }

    @Test
    void aRefusedTakeoverLeavesThePairWithThePeerAndSaysWhy() {
        PairSide refused = node("drbd-a", "notify-fault-refused.txt", "ps-keepalived-running.txt", "ip-addr-backup.json",
                false, false, "Secondary");
        OwnershipDiagnosis d = PairOwnership.classify(refused, owner("drbd-b"), NOW);
        assertThat(d.owner()).isEqualTo("drbd-b");
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.issue()).isEqualTo(OwnershipIssue.TAKEOVER_REFUSED);
            assertThat(p.message()).contains("drbd-a refused to take the pair back", "written on the peer while this host was down");
        });
    }

    @Test
    void aNodeHadeckCannotReadIsUnknownNotWithoutVip() {
        PairSide unread = new PairSide("drbd-b", null, List.of(), "drbd-b cannot be read: ssh: connection timed out");
        OwnershipDiagnosis d = PairOwnership.classify(owner("drbd-a"), unread, NOW);
        assertThat(d.owner()).isEqualTo("drbd-a");
        assertThat(codes(d)).doesNotContain(FindingCode.VIP_ON_NEITHER, FindingCode.VIP_ON_BOTH);
    }

    @Test
    void eachOwnershipIssueIsAPairFindingOfTheSameWord() {
        for (OwnershipIssue issue : OwnershipIssue.values()) {
            assertThat(issue.code().name()).as("the finding's word in JSON and hooks").isEqualTo(issue.name());
            assertThat(issue.code().category()).isEqualTo(FindingCode.Category.PAIR);
        }
    }
}
