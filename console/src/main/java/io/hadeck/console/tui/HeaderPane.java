package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;
import io.hadeck.events.LagLevel;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.ReadProgress;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.HaState;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The top of the screen, like `chef-backend-ctl status` in two or three lines: cluster and overall
 * state, badges (lock, READ-ONLY, PAUSED), age of the newest reading and the clock; then etcd, the
 * HA manager, PostgreSQL, Elasticsearch and each keepalived pair (its owner) in one phrase each.
 */
public final class HeaderPane {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private HeaderPane() {
    }

    public static List<Line> render(ClusterSnapshot s, RenderContext c, int width) {
        List<Line> out = new ArrayList<>();
        out.add(titleLine(s, c, width));
        List<Line> parts = new ArrayList<>();
        etcd(s, c).ifPresent(parts::add);
        ha(s, c).ifPresent(parts::add);
        postgres(s, c).ifPresent(parts::add);
        elasticsearch(s, c).ifPresent(parts::add);
        parts.addAll(PairLines.header(s, c));
        out.addAll(wrap(parts, width, c.glyphs()));
        return out;
    }

    private static Line titleLine(ClusterSnapshot s, RenderContext c, int width) {
        Line left = Line.of(Role.HEADER).add(" hadeck ", Role.HEADER).add(s.cluster() + " ", Role.HEADER);
        ReadProgress progress = s.progress();
        if (!progress.complete()) {
            // The first frame comes from the config alone: no verdict until every source has answered.
            left.add("reading" + c.glyphs().ellipsis() + " " + progress.answered() + "/" + progress.total()
                    + " sources answered", Role.DIM);
        } else {
            Severity worst = s.worst();
            // The worst finding's code beside the counts: "2 crit" alone does not say split-brain.
            String summary = worst == Severity.OK ? "healthy"
                    : s.count(Severity.CRIT) + " crit " + s.count(Severity.WARN) + " warn " + c.glyphs().dot() + " "
                    + s.findings().get(0).code();
            left.add(c.glyphs().symbol(worst) + " " + summary, Role.of(worst));
        }
        Line right = Line.of(Role.HEADER);
        if (c.lockHolder() != null) {
            right.add(" lock: " + c.lockHolder() + " ", Role.BADGE).add(" ", Role.HEADER);
        }
        if (c.readOnly()) {
            right.add(" READ-ONLY ", Role.BADGE).add(" ", Role.HEADER);
        }
        if (c.paused()) {
            right.add(" PAUSED ", Role.BADGE).add(" ", Role.HEADER);
        }
        Duration age = newestReadingAge(s, c.now());
        right.add("age " + Format.age(age), age.compareTo(c.thresholds().stale()) > 0 ? Role.STALE : Role.HEADER);
        right.add("  " + CLOCK.format(c.now().atZone(c.zone())) + " ", Role.HEADER);
        int pad = Math.max(1, width - left.length() - right.length());
        return left.add(" ".repeat(pad), Role.HEADER).add(right);
    }

    /** How old the freshest observation in the snapshot is: "everything stopped updating" shows here. */
    static Duration newestReadingAge(ClusterSnapshot s, Instant now) {
        Instant newest = null;
        List<Observation<?>> all = new ArrayList<>();
        for (NodeView n : s.nodes()) {
            all.add(n.etcd());
            all.add(n.postgres());
            all.add(n.elasticsearch());
            all.add(n.drbd());
            all.add(n.ha());
            all.add(n.pair());
        }
        all.add(s.etcd());
        all.add(s.es());
        all.add(s.ha());
        for (Observation<?> o : all) {
            if (o != null && o.isOk() && (newest == null || o.readAt().isAfter(newest))) {
                newest = o.readAt();
            }
        }
        if (newest == null) {
            newest = s.takenAt();
        }
        Duration d = Duration.between(newest, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Optional<Line> etcd(ClusterSnapshot s, RenderContext c) {
        if (s.etcd() == null) {
            return Optional.empty();
        }
        Reading<EtcdCluster> r = late(s, "etcd", Reading.of(s.etcd(), c));
        if (!r.fresh() && r.state() != Reading.State.STALE) {
            return Optional.of(part(c, Severity.CRIT, "etcd " + r.problem()));
        }
        EtcdCluster e = r.value();
        Severity sev = !e.hasQuorum() ? Severity.CRIT : e.healthy() < e.total() ? Severity.WARN : Severity.OK;
        String word = !e.hasQuorum() ? "NO QUORUM" : e.healthy() < e.total() ? "degraded" : "healthy";
        String leader = e.leaderId() == null ? "no leader" : "leader " + memberName(e, e.leaderId());
        Line l = part(c, sev, "etcd " + word + " " + e.healthy() + "/" + e.total() + " " + leader);
        return Optional.of(stale(l, r));
    }

    private static String memberName(EtcdCluster e, String id) {
        return e.members().stream().filter(m -> m.id().equals(id)).map(EtcdCluster.Member::name).findFirst().orElse(id);
    }

    private static Optional<Line> ha(ClusterSnapshot s, RenderContext c) {
        if (s.ha() == null) {
            return Optional.empty();
        }
        Reading<HaState> r = late(s, "HA", Reading.of(s.ha(), c));
        if (r.state() == Reading.State.FAILED) {
            return Optional.of(part(c, Severity.CRIT, "HA " + r.problem()));
        }
        HaState h = r.value();
        Severity sev = h.leader().holder() == null ? Severity.CRIT
                : h.failover().enabled() && h.leader().fromKey() ? Severity.OK : Severity.WARN;
        // Without the store's answer the holder is only the member that says it leads: shown as a guess.
        String leader = !h.leader().fromKey() ? "leader key not read" + (h.leader().holder() == null ? "" : " (" + h.leader().holder() + "?)")
                : h.leader().holder() == null ? "no leader key" : "leader " + h.leader().holder();
        String failover = h.failover().enabled() ? "failover on" : "failover OFF";
        String sync = h.settings() == null || !h.settings().synchronousMode() ? ""
                : " " + c.glyphs().dot() + " sync " + (h.settings().syncStandby() == null ? "NONE" : h.settings().syncStandby());
        Line l = part(c, sev, "HA " + leader + " " + c.glyphs().dot() + " " + failover + sync);
        return Optional.of(stale(l, r));
    }

    /**
     * One phrase for PostgreSQL that names the primary, and shouts when there is none or more than
     * one (split-brain); standbys that answer but do not stream are "not streaming", not "down".
     */
    private static Optional<Line> postgres(ClusterSnapshot s, RenderContext c) {
        List<String> primaries = new ArrayList<>();
        int streaming = 0;
        int lagging = 0;
        int notStreaming = 0;
        int down = 0;
        int stale = 0;
        boolean any = false;
        for (NodeView n : s.nodes()) {
            Reading<PgInstance> r = Reading.of(n.postgres(), c);
            if (!r.present()) {
                continue;
            }
            any = true;
            if (r.state() == Reading.State.FAILED) {
                down++;
            } else if (r.state() == Reading.State.STALE) {
                stale++;
            } else if (r.value().isPrimary()) {
                primaries.add(n.name());
            } else if (!r.value().isStreaming()) {
                notStreaming++;
            } else if (LagLevel.of(r.value(), c.thresholds()) == Severity.OK) {
                streaming++;
            } else {
                lagging++;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        Severity sev = primaries.size() != 1 ? Severity.CRIT
                : lagging + notStreaming + down + stale > 0 ? Severity.WARN : Severity.OK;
        String d = " " + c.glyphs().dot() + " ";
        StringBuilder t = new StringBuilder("PG ");
        if (primaries.isEmpty()) {
            t.append("NO WRITABLE PRIMARY");
        } else if (primaries.size() == 1) {
            t.append("primary ").append(primaries.get(0));
        } else {
            t.append(primaries.size()).append(" WRITABLE PRIMARIES ").append(String.join(", ", primaries))
                    .append(" (split-brain)");
        }
        t.append(d).append(streaming).append(" streaming");
        count(t, d, lagging, "lagging");
        count(t, d, notStreaming, "not streaming");
        count(t, d, down, "unreachable");
        count(t, d, stale, "stale");
        return Optional.of(part(c, sev, t.toString()));
    }

    private static void count(StringBuilder t, String sep, int n, String what) {
        if (n > 0) {
            t.append(sep).append(n).append(' ').append(what);
        }
    }

    private static Optional<Line> elasticsearch(ClusterSnapshot s, RenderContext c) {
        if (s.es() == null) {
            return Optional.empty();
        }
        Reading<EsClusterHealth> r = Reading.of(s.es(), c);
        if (r.state() == Reading.State.FAILED) {
            return Optional.of(part(c, Severity.CRIT, "ES " + r.problem()));
        }
        EsClusterHealth h = r.value();
        long expected = s.nodes().stream().filter(n -> n.elasticsearch() != null).count();
        Severity sev = switch (h.status()) {
            case "green" -> Severity.OK;
            case "yellow" -> Severity.WARN;
            default -> Severity.CRIT;
        };
        if (sev == Severity.OK && h.nodes() < expected) {
            sev = Severity.WARN;
        }
        Line l = part(c, sev, "ES " + h.status() + " " + h.nodes() + "/" + Math.max(expected, h.nodes())
                + (h.unassignedShards() > 0 ? " " + c.glyphs().dot() + " " + h.unassignedShards() + " unassigned" : ""));
        return Optional.of(stale(l, r));
    }

    private static Line part(RenderContext c, Severity sev, String text) {
        return Line.of(Role.TEXT).add(c.glyphs().symbol(sev) + " ", Role.of(sev)).add(text, sev == Severity.OK ? Role.TEXT : Role.of(sev));
    }

    /** A cluster-wide reading whose next read has not landed within its detection window is shown stale. */
    private static <T> Reading<T> late(ClusterSnapshot s, String layer, Reading<T> r) {
        return s.progress().late("", layer) ? r.asStale() : r;
    }

    private static Line stale(Line l, Reading<?> r) {
        return r.state() == Reading.State.STALE ? l.recolor(Role.STALE).add(" (" + r.problem() + ")", Role.STALE) : l;
    }

    /** Phrases joined by a separator, wrapped onto as many lines as the width needs. */
    static List<Line> wrap(List<Line> parts, int width, Glyphs g) {
        List<Line> lines = new ArrayList<>();
        Line cur = null;
        String sep = " " + g.separator() + " ";
        for (Line p : parts) {
            if (cur != null && cur.length() + sep.length() + p.length() <= width - 1) {
                cur.add(sep, Role.DIM).add(p);
            } else {
                cur = Line.of(Role.TEXT).add(" ", Role.TEXT).add(p);
                lines.add(cur);
            }
        }
        return lines;
    }
}
