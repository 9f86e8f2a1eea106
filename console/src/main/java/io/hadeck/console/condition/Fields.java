package io.hadeck.console.condition;

import io.hadeck.console.condition.Value.Type;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** Every field a condition can read, with its type and one line of documentation. */
public final class Fields {

    /** What an argument names, so a batch file can be checked against the config before it runs. */
    public enum Arg { NODE, RESOURCE, CODE }

    /** @param name as written, e.g. {@code lag} or {@code drbd.cs} (drbd(RES).cs) */
    public record Field(String name, List<Arg> args, int requiredArgs, Type type, String doc,
                        BiFunction<ClusterSnapshot, List<String>, Value> reader) {
        Value read(ClusterSnapshot s, List<String> a) {
            return reader.apply(s, a);
        }

        /** The field as the operator wrote it: lag(node-3), drbd(pc0, drbd-a).role. */
        String show(List<String> a) {
            int dot = name.indexOf('.');
            if (a.isEmpty()) {
                return name;
            }
            String call = "(" + String.join(", ", a) + ")";
            return name.startsWith("drbd.") ? "drbd" + call + name.substring(dot) : name + call;
        }

        /** The field's syntax for help text: lag(NODE), drbd(RES[, NODE]).cs. */
        public String synopsis() {
            if (args.isEmpty()) {
                return name;
            }
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i) == Arg.RESOURCE ? "RES" : args.get(i).name();
                sb.append(i == 0 ? "" : i < requiredArgs ? ", " : "[, ").append(a);
            }
            sb.append(args.size() > requiredArgs ? "])" : ")");
            return name.startsWith("drbd.") ? "drbd" + sb + name.substring(4) : name + sb;
        }
    }

    private static final Map<String, Field> ALL = new LinkedHashMap<>();

    static {
        add("pg.primary", Type.TEXT, "the node PostgreSQL reports as the one primary (unknown if none or several)",
                (s, a) -> s.primary().map(n -> Value.text(n.name()))
                        .orElse(Value.unknown(Type.TEXT, s.primaries().size() + " primaries")));
        add("pg.primaries", Type.NUMBER, "how many nodes answer that they are primary (2+ = split brain)",
                (s, a) -> Value.number(Type.NUMBER, s.primaries().size()));
        add("pg.standbys", Type.NUMBER, "how many nodes answer that they are in recovery",
                (s, a) -> Value.number(Type.NUMBER, s.standbys().size()));
        add("pg.streaming", Type.NUMBER, "how many standbys stream WAL (their WAL receiver, or the primary's pg_stat_replication)",
                (s, a) -> Value.number(Type.NUMBER, Replication.streamingCount(s)));
        add("lag", List.of(Arg.NODE), 1, Type.BYTES, "replication lag of a standby in bytes (literals: 16MB, 512KB)",
                (s, a) -> pgOf(s, a.get(0)).map(pg -> pg.lagBytes() == null
                        ? Value.unknown(Type.BYTES, a.get(0) + " reports no lag")
                        : Value.number(Type.BYTES, pg.lagBytes())).orElseGet(() -> pgUnknown(s, a.get(0), Type.BYTES)));
        add("lagtime", List.of(Arg.NODE), 1, Type.SECONDS, "replication lag of a standby in seconds (literals: 30s, 5m)",
                (s, a) -> pgOf(s, a.get(0)).map(pg -> pg.lagSeconds() == null
                        ? (pg.isPrimary() ? Value.unknown(Type.SECONDS, a.get(0) + " is primary") : Value.number(Type.SECONDS, 0))
                        : Value.number(Type.SECONDS, pg.lagSeconds())).orElseGet(() -> pgUnknown(s, a.get(0), Type.SECONDS)));
        add("role", List.of(Arg.NODE), 1, Type.TEXT, "primary or standby, as the node's PostgreSQL says",
                (s, a) -> pgOf(s, a.get(0)).map(pg -> Value.text(pg.isPrimary() ? "primary" : "standby"))
                        .orElseGet(() -> pgUnknown(s, a.get(0), Type.TEXT)));
        add("streaming", List.of(Arg.NODE), 1, Type.BOOL, "true when that standby streams WAL from the primary",
                (s, a) -> Replication.streaming(s, a.get(0)));
        add("etcd.healthy", Type.NUMBER, "how many etcd members answered healthy",
                (s, a) -> etcd(s, Type.NUMBER, e -> Value.number(Type.NUMBER, e.healthy())));
        add("etcd.members", Type.NUMBER, "how many members the etcd cluster has",
                (s, a) -> etcd(s, Type.NUMBER, e -> Value.number(Type.NUMBER, e.total())));
        add("etcd.quorum", Type.BOOL, "true when a majority of etcd members is healthy",
                (s, a) -> etcd(s, Type.BOOL, e -> Value.bool(e.hasQuorum())));
        add("etcd.leader", Type.TEXT, "the name of the etcd member that leads raft",
                (s, a) -> etcd(s, Type.TEXT, e -> Value.text(e.members().stream()
                        .filter(m -> m.id().equals(e.leaderId())).map(m -> m.name()).findFirst().orElse(null))));
        add("es.status", Type.TEXT, "Elasticsearch cluster health: green, yellow or red",
                (s, a) -> read(s.es(), "Elasticsearch", Type.TEXT, h -> Value.text(h.status())));
        add("es.nodes", Type.NUMBER, "how many nodes the Elasticsearch cluster counts",
                (s, a) -> read(s.es(), "Elasticsearch", Type.NUMBER, h -> Value.number(Type.NUMBER, h.nodes())));
        add("es.unassigned", Type.NUMBER, "unassigned Elasticsearch shards",
                (s, a) -> read(s.es(), "Elasticsearch", Type.NUMBER, h -> Value.number(Type.NUMBER, h.unassignedShards())));
        drbd("cs", Type.TEXT, "connection state: Connected, WFConnection, StandAlone, SyncSource…", r -> Value.text(r.connection()));
        drbd("ds", Type.TEXT, "disk states as /proc/drbd writes them: UpToDate/UpToDate", r -> Value.text(r.disk() + "/" + r.peerDisk()));
        drbd("disk", Type.TEXT, "the local disk state: UpToDate, Inconsistent, Outdated, Diskless…", r -> Value.text(r.disk()));
        drbd("peerdisk", Type.TEXT, "the peer's disk state as this node sees it", r -> Value.text(r.peerDisk()));
        drbd("role", Type.TEXT, "Primary or Secondary on that node", r -> Value.text(r.role()));
        drbd("peerrole", Type.TEXT, "the peer's role as this node sees it", r -> Value.text(r.peerRole()));
        drbd("oos", Type.BYTES, "out-of-sync data (literals: 0, 64MB)", r -> Value.number(Type.BYTES, r.outOfSyncKiB() * 1024.0));
        drbd("sync", Type.NUMBER, "resync progress in percent (unknown when no resync runs)",
                r -> r.sync() == null ? Value.unknown(Type.NUMBER, "no resync running") : Value.number(Type.NUMBER, r.sync().percent()));
        add("ha.leader", Type.TEXT, "the node the HA manager's leader key names",
                (s, a) -> read(s.ha(), "the HA manager", Type.TEXT, h -> Value.text(h.leader().holder())));
        add("ha.failover", Type.BOOL, "true when the HA manager may fail over automatically (not paused / cluster failover on)",
                (s, a) -> read(s.ha(), "the HA manager", Type.BOOL, h -> Value.bool(h.failover().enabled())));
        add("findings.crit", Type.NUMBER, "how many CRIT findings the snapshot has",
                (s, a) -> Value.number(Type.NUMBER, s.count(Severity.CRIT)));
        add("findings.warn", Type.NUMBER, "how many WARN findings the snapshot has",
                (s, a) -> Value.number(Type.NUMBER, s.count(Severity.WARN)));
        add("findings.worst", Type.TEXT, "the worst severity: ok, info, warn or crit",
                (s, a) -> Value.text(s.worst().name().toLowerCase(java.util.Locale.ROOT)));
        add("finding", List.of(Arg.CODE), 1, Type.BOOL, "true when a finding with that code is present, e.g. finding(PG_TWO_PRIMARIES)",
                (s, a) -> Value.bool(s.findings().stream().anyMatch(f -> f.code().equalsIgnoreCase(a.get(0)))));
    }

    private Fields() {
    }

    public static Optional<Field> byName(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<Field> all() {
        return List.copyOf(ALL.values());
    }

    /** Names for completion: pg.primary, lag(, drbd(… */
    public static List<String> completions() {
        return ALL.values().stream().map(f -> f.args().isEmpty() ? f.name()
                : (f.name().startsWith("drbd.") ? "drbd" : f.name()) + "(").distinct().toList();
    }

    private static void add(String name, Type type, String doc, BiFunction<ClusterSnapshot, List<String>, Value> r) {
        add(name, List.of(), 0, type, doc, r);
    }

    private static void add(String name, List<Arg> args, int required, Type type, String doc,
                            BiFunction<ClusterSnapshot, List<String>, Value> r) {
        ALL.put(name, new Field(name, args, required, type, doc, r));
    }

    /** drbd(RES[, NODE]).attr: without NODE, the first node (config order) that reports RES. */
    private static void drbd(String attr, Type type, String doc, java.util.function.Function<DrbdResource, Value> f) {
        add("drbd." + attr, List.of(Arg.RESOURCE, Arg.NODE), 1, type, doc, (s, a) -> {
            String res = a.get(0);
            for (NodeView n : s.nodes()) {
                if (n.drbd() == null || (a.size() > 1 && !n.name().equals(a.get(1)))) {
                    continue;
                }
                if (!n.drbd().isOk()) {
                    if (a.size() > 1) {
                        return Value.unknown(type, n.name() + " DRBD unreadable: " + n.drbd().error());
                    }
                    continue;
                }
                Optional<DrbdResource> r = find(n.drbd().value().resources(), res);
                if (r.isPresent()) {
                    return f.apply(r.get());
                }
            }
            return Value.unknown(type, "no readable DRBD resource " + res + (a.size() > 1 ? " on " + a.get(1) : ""));
        });
    }

    /**
     * By name, else by minor number; /proc/drbd of 8.4 names no resources, so a node reporting a
     * single unnamed minor is taken to be the resource its config lists.
     */
    static Optional<DrbdResource> find(List<DrbdResource> resources, String res) {
        Optional<DrbdResource> exact = resources.stream()
                .filter(d -> res.equals(d.name()) || res.equals(String.valueOf(d.minor()))).findFirst();
        if (exact.isPresent() || resources.size() != 1 || resources.get(0).name() != null) {
            return exact;
        }
        return Optional.of(resources.get(0));
    }

    private static Optional<PgInstance> pgOf(ClusterSnapshot s, String node) {
        return s.node(node).flatMap(n -> n.postgres() == null ? Optional.empty() : n.postgres().get());
    }

    private static Value pgUnknown(ClusterSnapshot s, String node, Type type) {
        Optional<NodeView> n = s.node(node);
        if (n.isEmpty()) {
            return Value.unknown(type, "no node " + node);
        }
        Observation<PgInstance> o = n.get().postgres();
        return Value.unknown(type, o == null ? node + " runs no PostgreSQL" : node + " PostgreSQL unreachable: " + o.error());
    }

    private static Value etcd(ClusterSnapshot s, Type type, java.util.function.Function<io.hadeck.model.EtcdCluster, Value> f) {
        return read(s.etcd(), "etcd", type, f);
    }

    private static <T> Value read(Observation<T> o, String what, Type type, java.util.function.Function<T, Value> f) {
        if (o == null) {
            return Value.unknown(type, "this cluster has no " + what);
        }
        return o.isOk() ? f.apply(o.value()) : Value.unknown(type, what + " unreachable: " + o.error());
    }
}
