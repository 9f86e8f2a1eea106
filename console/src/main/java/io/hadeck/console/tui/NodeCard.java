package io.hadeck.console.tui;

import io.hadeck.model.DrbdDisk;
import io.hadeck.units.Sizes;
import io.hadeck.console.theme.Role;
import io.hadeck.events.LagLevel;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.EsNode;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.model.HaMember;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.ReadProgress;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One node as a box of lines, one or two per layer it runs: HA role and failover flag, PostgreSQL
 * role/timeline/LSN/lag with a sparkline, etcd health, Elasticsearch roles/heap/disk, DRBD
 * roles/states/out-of-sync and resync progress, a keepalived pair node's VRRP state, VIP, mount and
 * services with the owner marked. A failed layer says "unreachable: why"; a stale one
 * says "stale 9 s" and shows its old value only in the stale role.
 */
public final class NodeCard {
    static final String PAD = "     ";

    private NodeCard() {
    }

    public static Line title(NodeView n, ClusterSnapshot s, RenderContext c) {
        Severity sev = NodeStatus.of(n, s, c);
        // No ✓ for a node whose readers have not all answered: "reading" is not "healthy".
        Line mark = s.progress().pendingOn(n.name()) ? Line.of(Role.BORDER).add(c.glyphs().ellipsis(), Role.DIM)
                : Line.of(Role.BORDER).add(c.glyphs().symbol(sev), Role.of(sev));
        return mark.add(" " + n.name(), Role.TITLE)
                .add(" " + n.host(), Role.DIM);
    }

    public static List<Line> render(NodeView n, ClusterSnapshot s, RenderContext c, int width) {
        List<Line> out = new ArrayList<>();
        String down = NodeStatus.unreachable(n);
        if (down != null) {
            for (String part : wrap(c.glyphs().symbol(Severity.CRIT) + " unreachable: " + down, width)) {
                out.add(Line.text(part, Role.CRIT));
            }
            return out;
        }
        layer(out, "HA", n.ha(), s.progress(), n.name(), c, width, h -> ha(h, s, c));
        layer(out, "PG", n.postgres(), s.progress(), n.name(), c, width, pg -> postgres(n, s, pg, c, width));
        layer(out, "etcd", n.etcd(), s.progress(), n.name(), c, width, e -> etcd(e, c));
        layer(out, "ES", n.elasticsearch(), s.progress(), n.name(), c, width, e -> es(e, c));
        layer(out, "DRBD", n.drbd(), s.progress(), n.name(), c, width, d -> drbd(d, c, width));
        layer(out, PairLines.LABEL, n.pair(), s.progress(), n.name(), c, width, p -> PairLines.card(n, p, s, c));
        layer(out, "CB", n.chef(), s.progress(), n.name(), c, width, k -> chef(k, c));
        return out;
    }


    /** Label + lines for one layer, handling absent, pending, failed and stale readings the same way everywhere. */
    private static <T> void layer(List<Line> out, String label, Observation<T> o, ReadProgress progress, String node,
                                  RenderContext c, int width, Function<T, List<Line>> body) {
        // Not answered yet (the console's first seconds): "reading…". Late (the next read has not
        // landed within the source's detection window): the old value is shown as stale.
        boolean pending = progress.pending(node, label);
        Reading<T> r = progress.late(node, label) ? Reading.of(o, c).asStale() : Reading.of(o, c);
        String head = (label + PAD).substring(0, PAD.length());
        switch (r.state()) {
            case ABSENT -> {
                if (pending) {
                    out.add(Line.of(Role.TEXT).add(head, Role.DIM).add("reading" + c.glyphs().ellipsis(), Role.DIM));
                }
            }
            case FAILED -> {
                List<String> parts = wrap(c.glyphs().symbol(Severity.CRIT) + " " + r.problem(), width - PAD.length());
                for (int i = 0; i < parts.size(); i++) {
                    out.add(Line.of(Role.TEXT).add(i == 0 ? head : PAD, Role.DIM).add(parts.get(i), Role.CRIT));
                }
            }
            case STALE -> {
                List<Line> lines = body.apply(r.value());
                out.add(Line.of(Role.TEXT).add(head, Role.DIM)
                        .add(c.glyphs().symbol(Severity.WARN) + " " + r.problem() + ": ", Role.STALE)
                        .add(lines.get(0).recolor(Role.STALE)));
                lines.subList(1, lines.size()).forEach(l -> out.add(Line.of(Role.TEXT).add(PAD, Role.DIM).add(l.recolor(Role.STALE))));
            }
            case FRESH -> {
                List<Line> lines = body.apply(r.value());
                for (int i = 0; i < lines.size(); i++) {
                    out.add(Line.of(Role.TEXT).add(i == 0 ? head : PAD, Role.DIM).add(lines.get(i)));
                }
            }
        }
    }

    private static String shortLag(PgInstance pg) {
        return (pg.lagBytes() == null ? "?" : Sizes.bytes(pg.lagBytes())) + " "
                + (pg.lagSeconds() == null ? "?" : String.format("%.1fs", pg.lagSeconds()));
    }

    /** Word-wrapped to {@code width}, so a long error stays readable inside a narrow card. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.split(" ")) {
            if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(cur.length() == 0 ? "" : " ").append(word);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static List<Line> ha(HaMember h, ClusterSnapshot s, RenderContext c) {
        boolean leader = h.name().equals(s.leaderKeyHolder().orElse(null));
        Line l = Line.of(Role.TEXT).add(h.role().word(), leader ? Role.PRIMARY : Role.STANDBY).add(" " + h.state(), Role.TEXT)
                .add(" " + c.glyphs().dot() + " ", Role.DIM)
                .add(h.failoverAllowed() ? "failover on" : c.glyphs().symbol(Severity.WARN) + " nofailover",
                        h.failoverAllowed() ? Role.TEXT : Role.WARN)
                .add(h.pendingRestart() ? " " + c.glyphs().dot() + " restart pending" : "", Role.WARN);
        return List.of(l);
    }

    private static List<Line> postgres(NodeView n, ClusterSnapshot s, PgInstance pg, RenderContext c, int width) {
        List<Line> lines = new ArrayList<>();
        String dot = " " + c.glyphs().dot() + " ";
        boolean shout = pg.isPrimary() && NodeStatus.splitBrain(s);
        Line first = Line.of(Role.TEXT);
        if (shout) {
            first.add(c.glyphs().symbol(Severity.CRIT) + " PRIMARY too", Role.CRIT);
        } else {
            first.add(pg.isPrimary() ? "primary" : "standby", pg.isPrimary() ? Role.PRIMARY : Role.STANDBY);
        }
        first.add(" tl " + timeline(pg, c.glyphs()), Role.TEXT).add(dot, Role.DIM)
                .add(pg.currentLsn() == null ? "?" : pg.currentLsn().toString(), Role.TEXT);
        lines.add(first);
        if (pg.isPrimary()) {
            long streaming = pg.replication().stream().filter(PgInstance.PgReplication::isStreaming).count();
            long sync = pg.replication().stream().filter(r -> "sync".equals(r.syncState()) || "quorum".equals(r.syncState())).count();
            lines.add(Line.of(Role.TEXT).add("repl " + streaming + " streaming" + dot + sync + " sync", Role.TEXT));
            return lines;
        }
        // Without a WAL receiver the lag is measured against nothing: no green tick for it.
        Line lagLine;
        if (pg.isStreaming()) {
            Severity lag = LagLevel.of(pg, c.thresholds());
            lagLine = Line.of(Role.TEXT).add("streaming", Role.TEXT)
                    .add(" " + c.glyphs().symbol(lag) + " lag " + shortLag(pg), Role.of(lag));
        } else {
            lagLine = Line.of(Role.TEXT).add(c.glyphs().symbol(Severity.WARN) + " not streaming", Role.WARN);
        }
        if (pg.replayPaused()) {
            lagLine.add(" replay paused", Role.WARN);
        }
        int room = width - PAD.length() - lagLine.length() - 1;
        if (c.lagHistory() != null && room >= 4) {
            lagLine.add(" " + Sparkline.of(c.lagHistory().lag(n.name()), Math.min(room, 20), c.glyphs()), Role.SPARKLINE);
        }
        lines.add(lagLine);
        return lines;
    }

    private static List<Line> etcd(EtcdMemberStatus e, RenderContext c) {
        Line l = Line.of(Role.TEXT).add(c.glyphs().symbol(Severity.OK) + " healthy", Role.OK)
                .add(e.leader() ? " leader" : " follower", e.leader() ? Role.PRIMARY : Role.TEXT)
                .add(" idx " + e.raftIndex(), Role.DIM);
        if (!e.alarms().isEmpty()) {
            l.add(" " + c.glyphs().symbol(Severity.WARN) + " alarm " + String.join(",", e.alarms()), Role.WARN);
        }
        return List.of(l);
    }

    /** Chef Backend's seeds' checks on the node: leaderl's counts, services, clock, VIP, then what is wrong. */
    private static List<Line> chef(ChefNodeChecks k, RenderContext c) {
        long up = k.services().stream().filter(ChefNodeChecks.Service::running).count();
        Line l = Line.of(Role.TEXT);
        if (k.leaderl() != null) {
            ChefNodeChecks.Leaderl ld = k.leaderl();
            l.add("leaderl " + ld.leader() + "/" + ld.waiting() + "/" + ld.follower(), ld.settled() ? Role.TEXT : Role.WARN);
        }
        l.add(" " + up + "/" + k.services().size() + " up", up == k.services().size() ? Role.TEXT : Role.CRIT);
        if (k.clockOffsetSeconds() != null) {
            l.add(String.format(java.util.Locale.ROOT, " clock %+.1fs", k.clockOffsetSeconds()), Role.DIM);
        }
        if (Boolean.TRUE.equals(k.holdsVip())) {
            l.add(" VIP", Role.PRIMARY);
        }
        List<Line> lines = new ArrayList<>(List.of(l));
        k.services().stream().filter(x -> !x.running()).forEach(x -> lines.add(Line.of(Role.TEXT)
                .add(c.glyphs().symbol(Severity.CRIT) + " " + x.name() + " not running", Role.CRIT)));
        k.closedPorts().forEach(p -> lines.add(Line.of(Role.TEXT).add(c.glyphs().symbol(Severity.WARN) + " cannot reach "
                + p.node() + ":" + p.port() + " (" + p.service() + ")", Role.WARN)));
        return lines;
    }

    private static List<Line> es(EsNode e, RenderContext c) {
        Line l = Line.of(Role.TEXT).add(String.join(",", e.roles().stream().map(r -> r.substring(0, 1)).toList()), Role.TEXT)
                .add(e.electedMaster() ? " master" : "", Role.PRIMARY)
                .add(" heap " + Format.percent(e.heapPercent()) + " disk " + Format.percent(e.diskUsedPercent()), Role.TEXT);
        return List.of(l);
    }

    private static List<Line> drbd(DrbdStatus d, RenderContext c, int width) {
        List<Line> lines = new ArrayList<>();
        for (DrbdResource r : d.resources()) {
            Severity cs = r.connection().severity();
            Severity ds = r.disk() == DrbdDisk.UP_TO_DATE ? Severity.OK : Severity.WARN;
            // named when a name is known, or when several resources need telling apart; a lone
            // resource /proc/drbd (8.4) does not name and no configuration was read stays unnamed
            String name = d.resources().size() > 1 ? d.label(r) : d.name(r).orElse(null);
            lines.add(Line.of(Role.TEXT).add(name == null ? "" : name + " ", Role.DIM)
                    .add(r.role() + "/" + r.peerRole(), r.isPrimary() ? Role.PRIMARY : Role.STANDBY)
                    .add(" " + c.glyphs().symbol(cs) + " " + r.connection(), Role.of(cs)));
            lines.add(Line.of(Role.TEXT).add(c.glyphs().symbol(ds) + " " + r.disk() + "/" + r.peerDisk(), Role.of(ds))
                    .add(" oos " + Sizes.bytes(r.outOfSyncKiB() * 1024), r.outOfSyncKiB() > 0 ? Role.WARN : Role.DIM));
            kernelNote(d, r).ifPresent(note -> lines.add(d.splitBrainReported(r).isPresent()
                    ? Line.text(c.glyphs().symbol(Severity.CRIT) + " " + note, Role.of(Severity.CRIT))
                    : Line.text(note, Role.DIM)));
            if (r.sync() != null) {
                int bar = Math.max(5, Math.min(20, width - PAD.length() - 22));
                String left = r.sync().finishSeconds() == null ? "" : " " + Format.age(java.time.Duration.ofSeconds(r.sync().finishSeconds())) + " left";
                lines.add(Line.of(Role.TEXT).add(Sparkline.progress(r.sync().percent(), bar, c.glyphs()), Role.SPARKLINE)
                        .add(String.format(" %.1f%%", r.sync().percent()) + left, Role.INFO));
            }
        }
        return lines;
    }

    /**
     * For a resource cut from its peer, what its kernel log settles: "kernel: split-brain" when the
     * kernel reported one, or why the log could not be read, so an operator knows whether
     * "StandAlone" was checked against the log or not. Nothing for a resource that talks to its peer.
     */
    static java.util.Optional<String> kernelNote(DrbdStatus d, DrbdResource r) {
        if (r.talksToPeer()) {
            return java.util.Optional.empty();
        }
        if (d.splitBrainReported(r).isPresent()) {
            return java.util.Optional.of("kernel: split-brain");
        }
        String why = d.kernelLog().error();
        return d.kernelLog().read() || why == null ? java.util.Optional.empty()
                : java.util.Optional.of("kernel log unreadable: " + why);
    }

    /** "3", or "≥3" for a standby not streaming (its history reaches at least that timeline), "?" when unknown. */
    static String timeline(io.hadeck.model.PgInstance pg, Glyphs g) {
        return switch (pg.timelineSource()) {
            case CURRENT_WAL, WAL_RECEIVER -> Integer.toString(pg.timeline());
            case AT_LEAST -> (g.unicode() ? "\u2265" : ">=") + pg.timeline();
            case UNKNOWN -> "?";
        };
    }
}
