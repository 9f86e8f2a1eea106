package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Finding;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything read for one node (Enter): each layer's observation with its age and read time, every
 * field of every record (pg_stat_replication rows, WAL receiver, slots, ES node, HA member record),
 * the raw DRBD text as the node printed it, and the findings that name the node.
 */
public final class DetailView {
    private DetailView() {
    }

    public static List<Line> render(NodeView n, ClusterSnapshot s, RenderContext c) {
        List<Line> out = new ArrayList<>();
        out.add(Line.of(Role.TEXT).add(NodeCard.title(n, s, c)).add("   Esc back, j/k scroll", Role.DIM));
        section(out, "HA manager member", n.ha(), c);
        settings(out, s);
        section(out, "PostgreSQL", n.postgres(), c);
        section(out, "etcd member", n.etcd(), c);
        section(out, "Elasticsearch node", n.elasticsearch(), c);
        section(out, "DRBD", n.drbd(), c);
        section(out, "Chef Backend (chef-backend-ctl status on the node)", n.chef(), c);
        out.add(Line.of(Role.TEXT));
        out.add(Line.text("Findings naming " + n.name(), Role.TITLE));
        List<Finding> mine = s.findings().stream().filter(f -> f.nodes().contains(n.name())).toList();
        if (mine.isEmpty()) {
            out.add(Line.text("  none", Role.DIM));
        }
        for (Finding f : mine) {
            out.add(Line.of(Role.TEXT).add("  " + c.glyphs().symbol(f.severity()) + " " + f.severity().word() + " " + f.code(),
                    Role.of(f.severity())).add(" " + f.message(), Role.TEXT));
            if (f.action() != null) {
                out.add(Line.text("    " + c.glyphs().arrow() + " " + f.action(), Role.INFO));
            }
        }
        return out;
    }

    /** What the HA manager's verdicts depend on (ttl, loop_wait, maximum_lag_on_failover, synchronous mode, sync standby). */
    private static void settings(List<Line> out, ClusterSnapshot s) {
        io.hadeck.model.HaSettings h = s.ha() == null ? null : s.ha().get().map(io.hadeck.model.HaState::settings).orElse(null);
        if (h == null) {
            return;
        }
        out.add(Line.of(Role.TEXT));
        out.add(Line.text("HA manager settings (cluster-wide, as recorded in its store)", Role.TITLE));
        fields(out, h, "  ", Role.TEXT);
        recordedVsLive(h, s).ifPresent(l -> out.add(Line.text("  " + l, Role.TEXT)));
    }

    /**
     * The leader's position as the store recorded it at its last loop beside the primary's live one: the
     * HA manager judges a candidate against the recorded one (a switchover can be refused at lag 0).
     */
    static java.util.Optional<String> recordedVsLive(io.hadeck.model.HaSettings h, ClusterSnapshot s) {
        if (h.leaderOptime() == null || s.primaries().size() != 1) {
            return java.util.Optional.empty();
        }
        io.hadeck.model.NodeView p = s.primaries().get(0);
        return p.postgres().get().map(io.hadeck.model.PgInstance::currentLsn).map(live -> "leader position recorded "
                + h.leaderOptime() + ", live on " + p.name() + " " + live + " ("
                + io.hadeck.units.Sizes.bytes(Math.max(0, live.minus(h.leaderOptime()))) + " since the last loop)");
    }

    private static <T> void section(List<Line> out, String title, Observation<T> o, RenderContext c) {
        if (o == null) {
            return;
        }
        out.add(Line.of(Role.TEXT));
        Reading<T> r = Reading.of(o, c);
        Line head = Line.of(Role.TEXT).add(title, Role.TITLE)
                .add("  read " + Format.age(o.age(c.now())) + " ago in " + o.took().toMillis() + " ms", Role.DIM);
        if (r.problem() != null) {
            head.add("  " + r.problem(), r.state() == Reading.State.FAILED ? Role.CRIT : Role.STALE);
        }
        out.add(head);
        if (!o.isOk()) {
            return;
        }
        Role role = r.role(Role.TEXT);
        if (o.value() instanceof PgInstance pg) {
            fields(out, pg, "  ", role, "replication", "walReceiver", "slots");
            rows(out, "pg_stat_replication", pg.replication(), role);
            rows(out, "pg_stat_wal_receiver", pg.walReceiver() == null ? List.of() : List.of(pg.walReceiver()), role);
            rows(out, "pg_replication_slots", pg.slots(), role);
        } else if (o.value() instanceof DrbdStatus d) {
            fields(out, d, "  ", role, "rawText", "config");
            splitBrainPolicies(out, d, c, role);
            out.add(Line.text("  raw text as read:", Role.DIM));
            d.rawText().lines().forEach(l -> out.add(Line.text("    " + l.replace('\t', ' '), role)));
        } else if (o.value() instanceof ChefNodeChecks k) {
            chef(out, k, role);
        } else {
            fields(out, o.value(), "  ", role);
        }
    }

    /** Each resource's after-sb-0pri/1pri/2pri from drbdadm dump, or why they are not known. */
    private static void splitBrainPolicies(List<Line> out, DrbdStatus d, RenderContext c, Role role) {
        io.hadeck.model.DrbdConfig k = d.config();
        Line head = Line.of(Role.TEXT).add("  split-brain policies (drbdadm dump", Role.DIM);
        if (!k.read()) {
            out.add(head.add("): ", Role.DIM).add(k.error() != null ? k.error() : "not read yet", k.error() != null ? Role.WARN : Role.DIM));
            return;
        }
        out.add(head.add(", read " + Format.age(java.time.Duration.between(k.readAt(), c.now())) + " ago):", Role.DIM));
        for (io.hadeck.model.DrbdResourceConfig r : k.resources()) {
            out.add(Line.of(Role.TEXT).add("    " + r.name() + ": ", Role.DIM).add(r.policies(), role));
        }
    }

    /** The service table as chef-backend-ctl status prints it, leaderl's counts, version, clock, VIP, ports. */
    private static void chef(List<Line> out, ChefNodeChecks k, Role role) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("service", "state", "pid", "time in state"));
        for (ChefNodeChecks.Service v : k.services()) {
            rows.add(List.of(v.name(), v.running() ? "running" : "down", v.pid() == null ? "-" : String.valueOf(v.pid()),
                    v.timeInState() == null ? "-" : v.timeInState()));
        }
        int[] w = new int[4];
        rows.forEach(r -> {
            for (int i = 0; i < 4; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        });
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            boolean down = i > 0 && !k.services().get(i - 1).running();
            out.add(Line.text(String.format("  %-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %s", r.get(0), r.get(1),
                    r.get(2), r.get(3)), i == 0 ? Role.DIM : down ? Role.CRIT : role));
        }
        ChefNodeChecks.Leaderl l = k.leaderl();
        out.add(Line.of(Role.TEXT).add("  leaderl: ", Role.DIM).add(l == null ? "counts not shown by chef-backend-ctl status"
                : l.leader() + " leader, " + l.waiting() + " waiting, " + l.follower() + " follower, " + l.total() + " total"
                + (l.settled() ? "" : " (not settled)"), l == null || !l.settled() ? Role.WARN : role));
        out.add(Line.of(Role.TEXT).add("  chef-backend version: ", Role.DIM).add(k.version() != null ? k.version()
                : "unknown (" + k.versionError() + ")", k.version() != null ? role : Role.WARN));
        out.add(Line.of(Role.TEXT).add("  clock: ", Role.DIM).add(k.clockOffsetSeconds() == null ? "not read"
                : String.format(java.util.Locale.ROOT, "%+.2f s against hadeck's (±%.2f s)", k.clockOffsetSeconds(),
                k.clockUncertaintySeconds()), role));
        out.add(Line.of(Role.TEXT).add("  backend VIP: ", Role.DIM).add(k.holdsVip() == null ? "not configured or not read"
                : k.holdsVip() ? "held by this node" : "not on this node", role));
        List<ChefNodeChecks.Port> closed = k.closedPorts();
        out.add(Line.of(Role.TEXT).add("  peers' required ports: ", Role.DIM).add(closed.isEmpty()
                ? k.ports().size() + " reached" : closed.size() + " of " + k.ports().size() + " unreachable: "
                + String.join(", ", closed.stream().map(p -> p.node() + ":" + p.port() + " (" + p.service() + ")").toList()),
                closed.isEmpty() ? role : Role.WARN));
    }

    private static void rows(List<Line> out, String title, List<?> rows, Role role) {
        out.add(Line.text("  " + title + " (" + rows.size() + " rows)", Role.DIM));
        for (int i = 0; i < rows.size(); i++) {
            out.add(Line.text("   #" + (i + 1), Role.DIM));
            fields(out, rows.get(i), "    ", role);
        }
    }

    /** Every record component as "name: value", nested records indented. */
    static void fields(List<Line> out, Object value, String indent, Role role, String... skip) {
        if (value == null || !value.getClass().isRecord() || printsItself(value)) {
            out.add(Line.text(indent + value, role));
            return;
        }
        for (RecordComponent rc : value.getClass().getRecordComponents()) {
            if (List.of(skip).contains(rc.getName())) {
                continue;
            }
            Object v;
            try {
                v = rc.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                v = "?";
            }
            if (v != null && v.getClass().isRecord() && !printsItself(v)) {
                out.add(Line.text(indent + rc.getName() + ":", Role.DIM));
                fields(out, v, indent + "  ", role);
            } else {
                out.add(Line.of(Role.TEXT).add(indent + rc.getName() + ": ", Role.DIM).add(text(v), role));
            }
        }
    }

    /** Records with their own text form (an LSN reads "0/5A3C2F8") are shown as that text. */
    private static boolean printsItself(Object v) {
        return v instanceof io.hadeck.model.Lsn;
    }

    private static String text(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Collection<?> col && col.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()) {
            return "(none)";
        }
        return String.valueOf(v);
    }
}
