package io.hadeck.console.output;

import io.hadeck.diagnosis.OwnershipDiagnosis;
import io.hadeck.diagnosis.PairOwnership;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Finding;
import io.hadeck.model.HaState;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PairNodeState;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The status table in the spirit of {@code chef-backend-ctl cluster-status}: one row per node
 * (HA role, PostgreSQL role and lag, etcd, Elasticsearch, DRBD), then the findings.
 */
public record StatusView(ClusterSnapshot snapshot) implements Result {

    /** One row; fields are null when the node does not run that layer. */
    public record Row(String name, String host, String haRole, String haState, String pgRole, Long lagBytes,
                      Double lagSeconds, Boolean streaming, String etcd, String elasticsearch, DrbdStatus drbd, List<String> errors) {
    }

    /** ok, info, warn, crit, or unreachable when no source answered at all. */
    public String health() {
        return Reachability.nothingReachable(snapshot) ? "unreachable" : ModelJson.lower(snapshot.worst());
    }

    public List<Row> rows() {
        return snapshot.nodes().stream().map(StatusView::row).toList();
    }

    static Row row(NodeView n) {
        List<String> errors = new ArrayList<>();
        error(errors, "etcd", n.etcd());
        error(errors, "postgres", n.postgres());
        error(errors, "elasticsearch", n.elasticsearch());
        error(errors, "drbd", n.drbd());
        error(errors, "ha", n.ha());
        error(errors, "pair", n.pair());
        PgInstance pg = n.postgres() == null ? null : n.postgres().value();
        return new Row(n.name(), n.host(),
                n.ha() == null ? null : n.ha().isOk() ? n.ha().value().role().word() : "down",
                n.ha() != null && n.ha().isOk() ? n.ha().value().state().word() : null,
                n.postgres() == null ? null : pg == null ? "down" : ModelJson.lower(pg.role()),
                pg == null ? null : pg.lagBytes(), pg == null ? null : pg.lagSeconds(),
                pg == null || pg.isPrimary() ? null : pg.isStreaming(),
                n.etcd() == null ? null : n.etcd().isOk() ? (n.etcd().value().leader() ? "leader" : "follower") : "down",
                n.elasticsearch() == null ? null : n.elasticsearch().isOk()
                        ? (n.elasticsearch().value().electedMaster() ? "master" : "not_master") : "down",
                n.drbd() == null || !n.drbd().isOk() ? null : n.drbd().value(),
                List.copyOf(errors));
    }

    private static void error(List<String> errors, String layer, Observation<?> o) {
        if (o != null && !o.isOk()) {
            errors.add(layer + ": " + o.error());
        }
    }

    @Override
    public Object json() {
        return Obj.of().put("cluster", snapshot.cluster()).put("takenAt", ModelJson.time(snapshot.takenAt()))
                .put("health", health())
                .put("crit", snapshot.count(Severity.CRIT)).put("warn", snapshot.count(Severity.WARN))
                .put("leaderKey", leaderKeyJson())
                .put("late", late(""))
                .put("nodes", snapshot.nodes().stream().map(n -> rowJson(row(n), n.pair(), late(n.name()), readAt(n))).toList())
                .put("pairs", pairsJson())
                .put("findings", ModelJson.findings(snapshot.findings())).map();
    }

    /**
     * Each keepalived pair and its owner as {@link PairOwnership} decides it (null: no owner, the
     * findings say why); an empty list when the cluster has no pair. {@code pair status} gives the detail.
     */
    private List<Object> pairsJson() {
        return pairs().stream().map(d -> (Object) Obj.of().put("nodes", List.of(d.a().node(), d.b().node()))
                .put("owner", d.owner()).map()).toList();
    }

    private List<OwnershipDiagnosis> pairs() {
        return PairOwnership.pairs(snapshot).stream().map(p -> PairOwnership.diagnose(snapshot, p.get(0), p.get(1))).toList();
    }

    /** A pair node's ownership layer as the status row shows it: VRRP state, VIP, keepalived, mount, services. */
    private static Map<String, Object> pairJson(PairNodeState p) {
        return Obj.of().put("vrrp", p.vrrp().name()).put("vip", p.holdsVip())
                .put("keepalived", p.keepalived() == null ? null : p.keepalived().state().name())
                .put("mounted", p.mounted()).put("services", p.activeServices()).map();
    }

    /**
     * The HA manager's leader key as hadeck last read it: {holder, from (leader_key | member_roles),
     * ok, error, readAt}; null when the cluster has no HA manager. A script compares the holder with
     * the key itself only when {@code from} is {@code leader_key}.
     */
    private Map<String, Object> leaderKeyJson() {
        Observation<HaState> o = snapshot.ha();
        if (o == null) {
            return null;
        }
        HaState h = o.value();
        return Obj.of().put("holder", h == null ? null : h.leader().holder())
                .put("from", h == null ? null : ModelJson.lower(h.leader().from()))
                .put("ok", o.isOk()).put("error", o.error()).put("readAt", ModelJson.time(o.readAt()))
                .put("late", snapshot.progress().late("", "HA")).map();
    }

    /** "leader key node-1", "leader key: none", or why it is not known; null without an HA manager. */
    private String leaderKeyText() {
        Observation<HaState> o = snapshot.ha();
        if (o == null) {
            return null;
        }
        if (!o.isOk()) {
            return "leader key unknown";
        }
        HaState h = o.value();
        if (!h.leader().fromKey()) {
            return "leader key not read" + (h.leader().holder() == null ? "" : " (" + h.leader().holder() + " says it leads)");
        }
        return "leader key " + (h.leader().holder() == null ? "held by nobody" : h.leader().holder());
    }

    /** JSON field names to the card labels the model's read progress uses. */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(Map.entry("etcd", "etcd"),
            Map.entry("postgres", "PG"), Map.entry("elasticsearch", "ES"), Map.entry("drbd", "DRBD"), Map.entry("ha", "HA"),
            Map.entry("pair", "VRRP"));

    /**
     * The layers of {@code node} ("" for the cluster-wide readings) whose value is older than its
     * detection window: the last thing hadeck knew, not a claim about now.
     */
    private List<String> late(String node) {
        return LAYERS.stream().filter(e -> snapshot.progress().late(node, e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * When each layer of {@code n} was last read (the end of the read, failed or not): a failed
     * reading is not marked late, and a script judging "down" needs to know how old that news is.
     */
    private static Map<String, Object> readAt(NodeView n) {
        Obj o = Obj.of();
        readAt(o, "etcd", n.etcd());
        readAt(o, "postgres", n.postgres());
        readAt(o, "elasticsearch", n.elasticsearch());
        readAt(o, "drbd", n.drbd());
        readAt(o, "ha", n.ha());
        readAt(o, "pair", n.pair());
        return o.map();
    }

    private static void readAt(Obj o, String layer, Observation<?> reading) {
        if (reading != null && reading.readAt() != null) {
            o.put(layer, ModelJson.time(reading.readAt()));
        }
    }

    private static Map<String, Object> rowJson(Row r, Observation<PairNodeState> pair, List<String> late,
                                               Map<String, Object> readAt) {
        return Obj.of().put("name", r.name()).put("host", r.host()).put("haRole", r.haRole()).put("haState", r.haState())
                .put("pgRole", r.pgRole()).put("lagBytes", r.lagBytes()).put("lagSeconds", r.lagSeconds())
                .put("streaming", r.streaming())
                .put("etcd", r.etcd()).put("elasticsearch", r.elasticsearch())
                .put("drbd", r.drbd() == null ? null : r.drbd().resources().stream().map(ModelJson::drbdResource).toList())
                .put("pair", pair == null || !pair.isOk() ? null : pairJson(pair.value()))
                .put("errors", r.errors()).put("late", late).put("readAt", readAt).map();
    }

    @Override
    public String text(Symbols style) {
        StringBuilder sb = new StringBuilder();
        sb.append("cluster ").append(snapshot.cluster()).append("  ").append(snapshot.takenAt())
                .append("  health ").append(headline());
        String leaderKey = leaderKeyText();
        if (leaderKey != null) {
            sb.append("  ").append(leaderKey);
        }
        // each pair's owner, as the console's header names it: the first thing asked of a pair
        pairs().forEach(d -> sb.append("  pair ").append(d.a().node()).append('+').append(d.b().node())
                .append(d.owner() != null ? " owner " + d.owner() : " NO OWNER"));
        sb.append("\n\n");
        Table t = new Table("NODE", "HOST", "HA", "PG", "LAG", "ETCD", "ES", "DRBD");
        for (Row r : rows()) {
            t.row(r.name(), r.host(), r.haRole(), r.pgRole(), lag(r), r.etcd(), r.elasticsearch(), drbd(r.drbd()));
        }
        sb.append(t.render());
        rows().forEach(r -> r.errors().forEach(e -> sb.append("  ").append(r.name()).append(' ').append(e).append('\n')));
        sb.append('\n').append(findingsText(snapshot.findings(), style));
        return sb.toString();
    }

    private String headline() {
        String h = health();
        if (h.equals("unreachable")) {
            return "UNREACHABLE (no source answered)";
        }
        long crit = snapshot.count(Severity.CRIT);
        long warn = snapshot.count(Severity.WARN);
        return snapshot.worst().word() + (crit + warn == 0 ? "" : " (" + crit + " crit, " + warn + " warn)");
    }

    public static String findingsText(List<Finding> findings, Symbols style) {
        if (findings.isEmpty()) {
            return "no findings\n";
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(style.symbol(f.severity())).append(' ').append(String.format("%-4s", f.severity().word()))
                    .append(' ').append(f.code());
            if (!f.nodes().isEmpty()) {
                sb.append(" [").append(String.join(", ", f.nodes())).append(']');
            }
            sb.append(": ").append(f.message()).append('\n');
            if (f.action() != null) {
                sb.append("       ").append(style.arrow()).append(' ').append(f.action()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String lag(Row r) {
        if (r.lagBytes() == null && r.lagSeconds() == null) {
            return null;
        }
        return Stream.of(r.lagBytes() == null ? null : io.hadeck.units.Sizes.bytes(r.lagBytes()),
                        r.lagSeconds() == null ? null : String.format(java.util.Locale.ROOT, "%.1fs", r.lagSeconds()))
                .filter(java.util.Objects::nonNull).reduce((a, b) -> a + " / " + b).orElse(null);
    }

    static String drbd(DrbdStatus st) {
        if (st == null || st.resources().isEmpty()) {
            return null;
        }
        return String.join(" ", st.resources().stream().map(d -> st.label(d) + ":" + d.connection() + "," + d.role() + "," + d.disk() + "/" + d.peerDisk()).toList());
    }
}
