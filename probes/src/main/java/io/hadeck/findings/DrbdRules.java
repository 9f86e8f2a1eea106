package io.hadeck.findings;

import io.hadeck.model.DrbdConnection;
import io.hadeck.model.DrbdDisk;
import io.hadeck.model.DrbdRole;
import io.hadeck.model.FindingCode;
import io.hadeck.units.Sizes;
import io.hadeck.diagnosis.DrbdPairDiagnosis;
import io.hadeck.diagnosis.DrbdPairs;
import io.hadeck.diagnosis.DrbdScenario;
import io.hadeck.diagnosis.DrbdSide;
import io.hadeck.model.DrbdKernelLog.SplitBrain;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdResourceConfig;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Finding;
import io.hadeck.model.NodeView;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DRBD pairs, judged from both nodes' views of the same resource (by name, or by minor when
 * /proc/drbd 8.4 gives no name), following the Chef HA document's five scenarios and LINBIT's
 * split-brain procedure.
 */
final class DrbdRules implements Rules {

    static final String SPLIT_BRAIN_PROCEDURE = "LINBIT manual split-brain recovery: on the victim (whose changes "
            + "are discarded) drbdadm disconnect %1$s, drbdadm secondary %1$s, drbdadm connect --discard-my-data %1$s; "
            + "on the survivor drbdadm connect %1$s if it is StandAlone.";

    /**
     * One node's view of one resource.
     *
     * @param name         the name drbdadm takes ({@link DrbdStatus#name}), null when neither the reading
     *                     nor the configuration gives one
     * @param kernelReport the split-brain the node's kernel reported for it and that still stands, or null
     * @param logRead      the node's kernel log was read (so no report means none)
     * @param config       the resource's configuration on that node (drbdadm dump), null when not known
     */
    record Side(String node, DrbdResource r, String name, SplitBrain kernelReport, boolean logRead,
                DrbdResourceConfig config) {
        boolean saysSplitBrain() {
            return kernelReport != null;
        }

        String label() {
            return name != null ? name : r.label();
        }

        String res() {
            return name != null ? name : String.valueOf(r.minor());
        }

        boolean waiting() {
            return r.connection().waitingForPeer();
        }

        /** This side as the pair diagnosis reads it. */
        DrbdSide diagnosed() {
            return new DrbdSide(node, DrbdSide.Reach.UP, r, kernelReport, null);
        }

        boolean syncing() {
            return r.sync() != null || r.connection() == DrbdConnection.SYNC_SOURCE || target();
        }

        boolean target() {
            return r.connection() == DrbdConnection.SYNC_TARGET;
        }
    }

    @Override
    public List<Finding> apply(Facts f) {
        Map<String, List<Side>> byResource = new LinkedHashMap<>();
        for (NodeView n : f.nodes()) {
            Optional<DrbdStatus> st = f.drbd(n);
            if (st.isEmpty()) {
                continue;
            }
            DrbdStatus status = st.get();
            for (DrbdResource r : status.resources()) {
                if (!r.unconfigured()) {
                    Side s = new Side(n.name(), r, status.name(r).orElse(null), status.splitBrainReported(r).orElse(null),
                            status.kernelLog().read(), status.configOf(r).orElse(null));
                    byResource.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        byResource.values().forEach(sides -> judge(sides, out));
        return out;
    }

    private static void judge(List<Side> sides, List<Finding> out) {
        List<String> nodes = sides.stream().map(Side::node).toList();
        Side first = sides.get(0);
        // The pair's one diagnosis decides split-brain, as it does for the card and the recovery plan.
        DrbdPairDiagnosis pair = sides.size() == 2 ? DrbdPairs.classify(first.label(), sides.get(0).diagnosed(),
                sides.get(1).diagnosed()) : null;
        boolean splitBrain = pair != null ? pair.scenario() == DrbdScenario.SPLIT_BRAIN
                : sides.stream().anyMatch(Side::saysSplitBrain);
        if (splitBrain) {
            String evidence = pair == null ? "" : " (" + String.join("; ", pair.evidence()) + ")";
            out.add(new Finding(Severity.CRIT, FindingCode.DRBD_SPLIT_BRAIN, nodes,
                    "DRBD " + first.label() + " is split-brain on " + Words.names(nodes) + reporters(sides) + ": "
                            + describe(sides) + "; both sides may hold writes the other lacks" + evidence + ".",
                    String.format(Locale.ROOT, SPLIT_BRAIN_PROCEDURE, first.res())
                            + " hadeck drbd recover --victim NODE plans exactly this." + policy(sides)));
        }
        if (pair != null) {
            pair(sides, nodes, pair, out);
        }
        for (Side s : sides) {
            single(s, sides, splitBrain, out);
        }
        sides.stream().filter(Side::syncing)
                .min((a, b) -> Boolean.compare(!a.target(), !b.target()))
                .ifPresent(s -> out.add(resync(s, nodes)));
    }

    /** " DRBD's policy: pc0: after-sb-2pri disconnect (default) applies (both sides Primary): …", or "" when not known. */
    private static String policy(List<Side> sides) {
        int primaries = (int) sides.stream().filter(x -> x.r().isPrimary()).count();
        return sides.stream().map(Side::config).filter(java.util.Objects::nonNull).findFirst()
                .map(c -> " DRBD's policy: " + c.advice(primaries)).orElse("");
    }

    private static void pair(List<Side> sides, List<String> nodes, DrbdPairDiagnosis d, List<Finding> out) {
        Side a = sides.get(0);
        Side b = sides.get(1);
        if (a.r().isPrimary() && b.r().isPrimary()) {
            out.add(new Finding(Severity.CRIT, FindingCode.DRBD_BOTH_PRIMARY, nodes,
                    "Both " + a.node() + " and " + b.node() + " are DRBD Primary for " + a.label()
                            + ": both may write, the data will diverge.",
                    "Stop the services on the node that should not be primary, then drbdadm secondary " + a.res()
                            + " there."));
        }
        if (d.scenario() == DrbdScenario.BOTH_SECONDARY) {
            out.add(new Finding(Severity.WARN, FindingCode.DRBD_BOTH_SECONDARY, nodes,
                    "Both " + a.node() + " and " + b.node() + " are DRBD Secondary for " + a.label() + " (oos "
                            + Sizes.kib(a.r().outOfSyncKiB()) + " / " + Sizes.kib(b.r().outOfSyncKiB())
                            + "): nothing serves the data.",
                    "Chef HA scenario 5: neither side holds writes of its own; promote one, e.g. " + a.node()
                            + ": drbdadm primary " + a.res() + " (hadeck drbd recover plans it)."));
        }
    }

    private static void single(Side s, List<Side> sides, boolean splitBrain, List<Finding> out) {
        List<String> me = List.of(s.node());
        DrbdRole role = s.r().role();
        boolean peerSeen = sides.size() == 2;
        if (s.r().connection() == DrbdConnection.STAND_ALONE && !splitBrain) {
            out.add(new Finding(Severity.WARN, FindingCode.DRBD_STANDALONE, me,
                    s.node() + " (" + role + ") has DRBD " + s.label() + " StandAlone: it neither replicates nor "
                            + "listens for its peer (" + Sizes.kib(s.r().outOfSyncKiB()) + " out of sync).",
                    (s.logRead() ? "Its kernel log reports no split-brain: " : "Check its kernel log for "
                            + "\"Split-Brain detected\"; if there is none, ") + "drbdadm connect " + s.res() + " on "
                            + s.node() + "."));
        }
        if (s.waiting()) {
            boolean primary = role == DrbdRole.PRIMARY;
            boolean inconsistent = s.r().disk() == DrbdDisk.INCONSISTENT;
            String scenario = primary
                    ? "Chef HA scenarios 1/2: the secondary is gone; bring it back and the resync starts by itself."
                    : inconsistent ? "Chef HA scenario 4: do not promote " + s.node() + " while its peer may return."
                    : "Chef HA scenario 3: the primary is gone; if it will not come back soon, promote " + s.node()
                    + " (drbdadm primary " + s.res() + ") and start the services there.";
            out.add(new Finding(Severity.WARN, FindingCode.DRBD_WFCONNECTION, me,
                    s.node() + " (" + role + ") waits for its DRBD peer on " + s.label()
                            + (peerSeen ? "" : " (the peer's state is unknown)") + "; "
                            + Sizes.kib(s.r().outOfSyncKiB()) + " out of sync.", scenario));
        }
        if (s.r().disk() == DrbdDisk.INCONSISTENT && !s.syncing()) {
            out.add(new Finding(Severity.CRIT, FindingCode.DRBD_INCONSISTENT, me,
                    s.node() + "'s DRBD disk for " + s.label() + " is Inconsistent and not resyncing: its data is "
                            + "incomplete (" + Sizes.kib(s.r().outOfSyncKiB()) + " out of sync).",
                    "Chef HA scenario 4: do not promote it while its peer may return; if the peer is lost, give it a "
                            + "new partner, then drbdadm primary --force " + s.res() + " and drbdadm connect "
                            + s.res() + " (some data will be lost)."));
        }
    }

    private static Finding resync(Side s, List<String> nodes) {
        DrbdResource.DrbdSync sync = s.r().sync();
        String progress = sync == null ? "running"
                : String.format(Locale.ROOT, "%.1f%% done", sync.percent())
                + (sync.finishSeconds() == null ? "" : ", about " + Words.seconds(sync.finishSeconds()) + " left")
                + (sync.speedKiBs() == null ? "" : String.format(Locale.ROOT, " at %,d K/s", sync.speedKiBs()));
        String dir = s.target() ? s.node() + " is resyncing " + s.label() + " from its peer"
                : s.node() + " is resyncing " + s.label() + " to its peer";
        return new Finding(Severity.INFO, FindingCode.DRBD_RESYNC, nodes, dir + ": " + progress + ".",
                "Wait for the resync to finish before moving the primary role.");
    }

    /** ", reported by the kernel on drbd-a and drbd-b (\"Split-Brain detected, dropping connection!\")", or "" when inferred. */
    private static String reporters(List<Side> sides) {
        List<Side> said = sides.stream().filter(Side::saysSplitBrain).toList();
        if (said.isEmpty()) {
            return "";
        }
        return ", reported by the kernel on " + Words.names(said.stream().map(Side::node).toList())
                + " (\"" + said.get(0).kernelReport().message() + "\")";
    }

    private static String describe(List<Side> sides) {
        List<String> parts = new ArrayList<>();
        for (Side s : sides) {
            parts.add(s.node() + " " + s.r().role() + " " + s.r().connection() + " (oos "
                    + Sizes.kib(s.r().outOfSyncKiB()) + ")");
        }
        return String.join(", ", parts);
    }
}
