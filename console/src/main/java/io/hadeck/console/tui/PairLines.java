package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;
import io.hadeck.diagnosis.OwnershipDiagnosis;
import io.hadeck.diagnosis.OwnershipProblem;
import io.hadeck.diagnosis.PairOwnership;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NodeView;
import io.hadeck.model.NotifyRecord;
import io.hadeck.model.PairNodeState;
import io.hadeck.model.Severity;
import io.hadeck.model.VrrpState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keepalived pair layer of a node, for its card, its row and the header: VRRP state, VIP, mount
 * and services with the owner marked ("* owner"), keepalived frozen or stopped, and the cluster
 * script's steps while they run. Who owns the pair is the pair's one diagnosis (probes), never
 * decided here.
 */
final class PairLines {
    /** The card's label for this layer (and its key in the read progress). */
    static final String LABEL = "VRRP";

    private PairLines() {
    }

    static OwnershipDiagnosis diagnosis(NodeView n, PairNodeState p, ClusterSnapshot s) {
        return PairOwnership.diagnose(s, n.name(), n.pairPeer() != null ? n.pairPeer() : p.peer());
    }

    /** Two or three card lines: "MASTER * owner · VIP", "mounted · 3/3 services up", the steps while they run. */
    static List<Line> card(NodeView n, PairNodeState p, ClusterSnapshot s, RenderContext c) {
        boolean owner = n.name().equals(diagnosis(n, p, s).owner());
        String dot = " " + c.glyphs().dot() + " ";
        Line first = state(p, c).add(owner ? " * owner" : "", Role.PRIMARY)
                .add(dot, Role.DIM).add(p.holdsVip() ? "VIP " + p.vip() : "no VIP", p.holdsVip() ? Role.PRIMARY : Role.DIM);
        List<Line> out = new ArrayList<>(List.of(first));
        Line second = Line.of(Role.TEXT).add(p.mounted() ? "mounted" : "not mounted", p.mounted() ? Role.TEXT : Role.DIM);
        services(second, p, c, dot);
        out.add(second);
        Line ka = Line.of(Role.TEXT);
        keepalived(ka, p, c, "keepalived ");
        if (ka.length() > 0) {
            out.add(ka);
        }
        NotifyRecord r = p.notifyRecord();
        if (r != null && r.refused()) {
            out.add(Line.text(c.glyphs().symbol(Severity.WARN) + " takeover refused", Role.WARN));
        } else if (r != null && !r.finished()) {
            // the step reached, as the cluster script records it: "→ drbd-primary waiting"
            out.add(Line.text(c.glyphs().arrow() + " " + r.lastStep().map(st -> st.name() + " " + st.outcome())
                    .orElse(r.state().name() + " starting"), Role.INFO));
        }
        return out;
    }

    /** One condensed phrase for the node's row: "MASTER* VIP mnt 3/3". */
    static Line row(NodeView n, PairNodeState p, ClusterSnapshot s, RenderContext c) {
        boolean owner = n.name().equals(diagnosis(n, p, s).owner());
        Line l = state(p, c).add(owner ? "*" : "", Role.PRIMARY).add(p.holdsVip() ? " VIP" : "", Role.PRIMARY)
                .add(p.mounted() ? " mnt" : "", Role.TEXT);
        if (!p.services().isEmpty()) {
            boolean any = !p.activeServices().isEmpty();
            l.add(" " + p.activeServices().size() + "/" + p.services().size(), any ? Role.TEXT : Role.DIM);
        }
        keepalived(l, p, c, "");
        NotifyRecord r = p.notifyRecord();
        if (r != null && r.refused()) {
            l.add(" " + c.glyphs().symbol(Severity.WARN) + " refused", Role.WARN);
        } else if (r != null && !r.finished()) {
            l.add(" " + c.glyphs().arrow() + " " + r.lastStep().map(NotifyRecord.Step::name).orElse("starting"), Role.INFO);
        }
        return l;
    }

    /** One header phrase per pair: "pair drbd-a+drbd-b owner drbd-a", or its worst problem. */
    static List<Line> header(ClusterSnapshot s, RenderContext c) {
        List<Line> out = new ArrayList<>();
        for (List<String> pair : PairOwnership.pairs(s)) {
            OwnershipDiagnosis d = PairOwnership.diagnose(s, pair.get(0), pair.get(1));
            if (!d.a().read() && !d.b().read()) {
                out.add(phrase(c, Severity.WARN, "pair " + pair.get(0) + "+" + pair.get(1) + " not read"));
                continue;
            }
            Optional<OwnershipProblem> worst = d.problems().stream().findFirst();
            Severity sev = worst.map(OwnershipProblem::severity).orElse(d.owner() == null ? Severity.CRIT : Severity.OK);
            String who = d.owner() != null ? "owner " + d.owner() : "NO OWNER";
            out.add(phrase(c, sev, "pair " + who + worst.map(p -> " " + c.glyphs().dot() + " " + p.issue().name()).orElse("")));
        }
        return out;
    }

    private static Line phrase(RenderContext c, Severity sev, String text) {
        return Line.of(Role.TEXT).add(c.glyphs().symbol(sev) + " ", Role.of(sev)).add(text, sev == Severity.OK ? Role.TEXT : Role.of(sev));
    }

    private static Line state(PairNodeState p, RenderContext c) {
        VrrpState v = p.vrrp();
        Role role = switch (v) {
            case MASTER -> Role.PRIMARY;
            case BACKUP -> Role.STANDBY;
            case FAULT, STOP -> Role.WARN;
            case UNKNOWN -> Role.DIM;
        };
        return Line.of(Role.TEXT).add(v == VrrpState.UNKNOWN ? "no notify record" : v.name(), role);
    }

    private static void keepalived(Line l, PairNodeState p, RenderContext c, String word) {
        KeepalivedProcess.State k = p.keepalived().state();
        if (k == KeepalivedProcess.State.RUNNING) {
            return;
        }
        // a hung keepalived that holds the VIP moves nothing any more: critical, as the finding says
        Severity sev = p.holdsVip() ? Severity.CRIT : Severity.WARN;
        l.add((l.length() == 0 ? "" : " ") + c.glyphs().symbol(sev) + " " + word + (k == KeepalivedProcess.State.FROZEN ? "frozen" : "stopped"), Role.of(sev));
    }

    private static void services(Line l, PairNodeState p, RenderContext c, String dot) {
        if (p.services().isEmpty()) {
            return;
        }
        List<String> down = p.services().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        int up = p.activeServices().size();
        l.add(dot, Role.DIM);
        if (down.isEmpty()) {
            l.add(up + "/" + p.services().size() + " services up", Role.TEXT);
        } else if (up == 0) {
            l.add("services stopped", Role.DIM);
        } else {
            l.add(up + "/" + p.services().size() + " up, " + String.join(" ", down) + " down", Role.WARN);
        }
    }
}
