package io.hadeck.console.tui;

import io.hadeck.model.DrbdConnection;
import io.hadeck.model.DrbdDisk;
import io.hadeck.units.Sizes;
import io.hadeck.console.theme.Role;
import io.hadeck.events.LagLevel;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.EsNode;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.model.HaMember;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;

import java.util.function.Function;

/** One node in one line, for small terminals and big fleets: the same facts as a card, condensed. */
public final class NodeRow {
    private NodeRow() {
    }

    public static Line render(NodeView n, ClusterSnapshot s, RenderContext c, int nameWidth) {
        Severity sev = NodeStatus.of(n, s, c);
        Glyphs g = c.glyphs();
        boolean reading = s.progress().pendingOn(n.name());
        Line l = Line.of(Role.TEXT).add((reading ? g.ellipsis() : g.symbol(sev)) + " ", reading ? Role.DIM : Role.of(sev))
                .add(String.format("%-" + nameWidth + "s", n.name()), Role.TITLE);
        String down = NodeStatus.unreachable(n);
        if (down != null) {
            return l.add(" " + g.symbol(Severity.CRIT) + " unreachable: " + down, Role.CRIT);
        }
        part(l, "HA ", n.ha(), c, h -> ha(h, s));
        part(l, "PG ", n.postgres(), c, pg -> pg(n, s, pg, c));
        part(l, "etcd ", n.etcd(), c, e -> etcd(e, g));
        part(l, "ES ", n.elasticsearch(), c, NodeRow::es);
        part(l, "DRBD ", n.drbd(), c, d -> drbd(d, g));
        part(l, PairLines.LABEL + " ", n.pair(), c, p -> PairLines.row(n, p, s, c));
        return l;
    }

    private static <T> void part(Line l, String label, Observation<T> o, RenderContext c, Function<T, Line> body) {
        Reading<T> r = Reading.of(o, c);
        if (!r.present()) {
            return;
        }
        l.add(" " + c.glyphs().separator() + " ", Role.DIM);
        String what = label.isEmpty() ? "" : label;
        switch (r.state()) {
            case FAILED -> l.add(what + c.glyphs().symbol(Severity.CRIT) + " unreachable", Role.CRIT);
            case STALE -> l.add(what + r.problem() + " ", Role.STALE).add(body.apply(r.value()).recolor(Role.STALE));
            default -> l.add(what, Role.DIM).add(body.apply(r.value()));
        }
    }

    private static Line ha(HaMember h, ClusterSnapshot s) {
        boolean leader = h.name().equals(s.leaderKeyHolder().orElse(null));
        return Line.of(Role.TEXT).add(h.role().word(), leader ? Role.PRIMARY : Role.STANDBY)
                .add(h.failoverAllowed() ? "" : " nofailover", Role.WARN)
                .add(h.pendingRestart() ? " restart pending" : "", Role.WARN);
    }

    private static Line pg(NodeView n, ClusterSnapshot s, PgInstance pg, RenderContext c) {
        if (pg.isPrimary()) {
            Line l = Line.of(Role.TEXT);
            if (NodeStatus.splitBrain(s)) {
                l.add(c.glyphs().symbol(Severity.CRIT) + " PRIMARY too", Role.CRIT);
            } else {
                l.add("primary", Role.PRIMARY);
            }
            return l.add(" tl" + pg.timeline() + " " + pg.currentLsn(), Role.TEXT);
        }
        Line l = Line.of(Role.TEXT).add("standby", Role.STANDBY);
        if (!pg.isStreaming()) {
            // No WAL receiver: a lag figure would be measured against nothing.
            return l.add(" " + c.glyphs().symbol(Severity.WARN) + " not streaming", Role.WARN);
        }
        Severity lag = LagLevel.of(pg, c.thresholds());
        l.add(" lag " + (pg.lagBytes() == null ? "?" : Sizes.bytes(pg.lagBytes())), Role.of(lag));
        if (lag != Severity.OK) {
            l.add(" " + c.glyphs().symbol(lag), Role.of(lag));
        }
        if (c.lagHistory() != null) {
            l.add(" " + Sparkline.of(c.lagHistory().lag(n.name()), 8, c.glyphs()), Role.SPARKLINE);
        }
        return l;
    }

    private static Line etcd(EtcdMemberStatus e, Glyphs g) {
        return Line.of(Role.TEXT).add(g.symbol(Severity.OK), Role.OK).add(e.leader() ? " leader" : "", Role.PRIMARY);
    }

    private static Line es(EsNode e) {
        return Line.of(Role.TEXT).add("heap " + Format.percent(e.heapPercent()) + " disk " + Format.percent(e.diskUsedPercent()), Role.TEXT);
    }

    private static Line drbd(DrbdStatus d, Glyphs g) {
        Line l = Line.of(Role.TEXT);
        for (DrbdResource r : d.resources()) {
            Severity sev = r.isConnected() && r.disk() == DrbdDisk.UP_TO_DATE ? Severity.OK
                    : r.connection() == DrbdConnection.STAND_ALONE ? Severity.CRIT : Severity.WARN;
            if (d.resources().size() > 1) {   // several: each named, or the row cannot say which is which
                l.add((l.length() == 0 ? "" : " ") + d.label(r) + " ", Role.DIM);
            }
            l.add(r.role() + "/" + r.peerRole() + " ", r.isPrimary() ? Role.PRIMARY : Role.STANDBY)
                    .add(g.symbol(sev) + " " + r.connection() + " " + r.disk() + "/" + r.peerDisk(), Role.of(sev));
            if (r.sync() != null) {
                l.add(String.format(" %.1f%%", r.sync().percent()), Role.INFO);
            }
        }
        return l;
    }
}
