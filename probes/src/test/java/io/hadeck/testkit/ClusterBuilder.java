package io.hadeck.testkit;

import io.hadeck.model.HaRunState;
import io.hadeck.model.HaRole;
import io.hadeck.model.EsStatus;
import io.hadeck.model.HaManagerKind;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.findings.FindingsEngine;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.model.EsNode;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.model.HaMember;
import io.hadeck.model.Failover;
import io.hadeck.model.HaState;
import io.hadeck.model.LeaderKey;
import io.hadeck.model.Lsn;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.PgRole;
import io.hadeck.parse.DrbdText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fluent builder of realistic cluster snapshots for tests: say what the cluster looks like in
 * operator words (primary, standby, lag, paused, split DRBD pair) and get the snapshot the readers
 * would produce, findings included. Deterministic: time is {@link Clusters#NOW} unless {@link #at}.
 */
public final class ClusterBuilder {

    /** Where the primary's WAL is in every snapshot (realistic, not 0/0). */
    static final Lsn PRIMARY_LSN = Lsn.parse("0/5A3C2F8");
    static final Duration TOOK = Duration.ofMillis(14);
    static final Duration FRESH_AGE = Duration.ofMillis(400);

    private String cluster = "lab";
    private long seq = 1;
    private Instant now = Clusters.NOW;
    private ClusterConfig.Thresholds thresholds = ClusterConfig.Thresholds.defaults();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private boolean etcd;
    private int etcdHealthyOverride = -1;
    private EsStatus esStatus;
    private int esUnassigned;
    private boolean patroni;
    private boolean legacyPatroniWords;
    private String leaderKey;
    private boolean leaderKeySet;
    private boolean paused;
    private String pendingRequest;

    /** Mutable per-node plan; turned into a NodeView by {@link #build()}. */
    private static final class Node {
        final String name;
        final String host;
        boolean etcdMember;
        boolean etcdLeader;
        List<String> alarms = List.of();
        PgRole pg;
        String upstream;
        long lagBytes;
        double lagSeconds;
        int timeline = 3;
        boolean replayPaused;
        boolean streaming = true;
        boolean es;
        boolean esInList = true;
        boolean failoverAllowed = true;
        DrbdResource drbd;
        DrbdStatus drbdStatus;
        DrbdKernelLog kernelLog;
        io.hadeck.model.DrbdConfig drbdConfig;
        Duration staleBy;
        String unreachable;
        final Map<String, String> failedLayers = new LinkedHashMap<>();

        Node(String name, String host) {
            this.name = name;
            this.host = host;
        }
    }

    ClusterBuilder() {
    }

    public static ClusterBuilder cluster(String name) {
        return new ClusterBuilder().named(name);
    }

    private String leaderAgentDown;
    private Long leaderKeyTtl;
    private io.hadeck.model.HaSettings haSettings;

    /** Patroni's settings and recorded positions as read from etcd (default: not read, nothing predicted). */
    public ClusterBuilder haSettings(io.hadeck.model.HaSettings settings) {
        haSettings = settings;
        patroni = true;
        return this;
    }

    public ClusterBuilder named(String name) {
        this.cluster = name;
        return this;
    }

    public ClusterBuilder at(Instant instant) {
        this.now = instant;
        return this;
    }

    public ClusterBuilder seq(long s) {
        this.seq = s;
        return this;
    }

    public ClusterBuilder thresholds(ClusterConfig.Thresholds t) {
        this.thresholds = t;
        return this;
    }

    // ------------------------------------------------------------------ PostgreSQL + Patroni

    /** A writable primary on {@code node}; the first primary also gets the Patroni leader key. */
    public ClusterBuilder primary(String node) {
        Node n = node(node);
        n.pg = PgRole.PRIMARY;
        n.upstream = null;
        patroni = true;
        if (!leaderKeySet) {
            leaderKey = node;
            leaderKeySet = true;
        }
        return this;
    }

    /** A streaming standby of the (first) primary, caught up. */
    public ClusterBuilder standby(String node) {
        Node n = node(node);
        n.pg = PgRole.STANDBY;
        patroni = true;
        return this;
    }

    public ClusterBuilder lag(String node, long bytes, double seconds) {
        Node n = node(node);
        n.lagBytes = bytes;
        n.lagSeconds = seconds;
        return this;
    }

    public ClusterBuilder timeline(String node, int timeline) {
        node(node).timeline = timeline;
        return this;
    }

    public ClusterBuilder replayPaused(String node) {
        node(node).replayPaused = true;
        return this;
    }

    /** The standby's WAL receiver is gone (no row in pg_stat_replication, no receiver). */
    public ClusterBuilder notStreaming(String node) {
        node(node).streaming = false;
        return this;
    }

    /** Who Patroni's leader key names; null: nobody holds it (expired, or cluster just started). */
    public ClusterBuilder leaderKey(String node) {
        leaderKey = node;
        leaderKeySet = true;
        patroni = true;
        return this;
    }

    /** Patroni paused: automatic failover is off for the whole cluster. */
    public ClusterBuilder paused() {
        paused = true;
        patroni = true;
        return this;
    }

    /** Patroni nofailover tag on a node. */
    public ClusterBuilder noFailover(String node) {
        node(node).failoverAllowed = false;
        return this;
    }

    /** Patroni 3.0.2 says role master / state running; newer Patroni says primary / streaming. */
    public ClusterBuilder legacyPatroniWords() {
        legacyPatroniWords = true;
        return this;
    }

    /** The leader key holder's own Patroni does not answer ({@code why}); its key has {@code ttl} seconds left. */
    public ClusterBuilder leaderAgentDown(String why, Long ttl) {
        leaderAgentDown = why;
        leaderKeyTtl = ttl;
        patroni = true;
        return this;
    }

    public ClusterBuilder pendingRequest(String text) {
        pendingRequest = text;
        return this;
    }

    // ------------------------------------------------------------------ etcd

    public ClusterBuilder etcdMembers(String... names) {
        etcd = true;
        for (int i = 0; i < names.length; i++) {
            Node n = node(names[i]);
            n.etcdMember = true;
            n.etcdLeader = i == 1 % names.length; // the etcd leader is rarely the PG primary: realistic
        }
        return this;
    }

    /** How many members the cluster-wide etcd health check found healthy (default: every reachable one). */
    public ClusterBuilder etcdHealthy(int healthy) {
        etcdHealthyOverride = healthy;
        return this;
    }

    public ClusterBuilder etcdAlarm(String node, String alarm) {
        node(node).alarms = List.of(alarm);
        return this;
    }

    // ------------------------------------------------------------------ Elasticsearch

    public ClusterBuilder esNodes(String... names) {
        esStatus = esStatus == null ? EsStatus.GREEN : esStatus;
        for (String name : names) {
            node(name).es = true;
        }
        return this;
    }

    public ClusterBuilder esStatus(EsStatus status, int unassignedShards) {
        esStatus = status;
        esUnassigned = unassignedShards;
        return this;
    }

    /** The node is configured to run ES but is missing from the cluster's node list. */
    public ClusterBuilder esLeft(String node) {
        node(node).esInList = false;
        return this;
    }

    // ------------------------------------------------------------------ DRBD

    /** One node's view of DRBD minor 0 (resource pc0), as /proc/drbd 8.4 would show it. */
    public ClusterBuilder drbd(String node, String cs, String role, String peerRole, String disk, String peerDisk,
                               long oosKiB) {
        node(node).drbdStatus = null;
        node(node).drbd = new DrbdResource(0, null, cs, role, peerRole, disk, peerDisk, "C", oosKiB,
                counters(oosKiB), null);
        return this;
    }

    /** The node's DRBD reading is this text (recorded /proc/drbd or drbdadm status), parsed. */
    public ClusterBuilder drbdText(String node, String text) {
        Node n = node(node);
        n.drbdStatus = DrbdText.parse(text);
        n.drbd = n.drbdStatus.resources().isEmpty() ? null : n.drbdStatus.resources().get(0);
        return this;
    }

    /** What the node's kernel log said about DRBD (e.g. parsed from recorded dmesg), with its DRBD reading. */
    public ClusterBuilder drbdKernelLog(String node, DrbdKernelLog log) {
        node(node).kernelLog = log;
        return this;
    }

    /** The node's DRBD configuration as drbdadm dump gave it (e.g. parsed from a recorded dump). */
    public ClusterBuilder drbdConfig(String node, io.hadeck.model.DrbdConfig config) {
        node(node).drbdConfig = config;
        return this;
    }

    /** Adds resync progress to the node's DRBD resource. */
    public ClusterBuilder drbdSync(String node, double percent, long finishSeconds, long speedKiBs) {
        DrbdResource r = node(node).drbd;
        node(node).drbd = new DrbdResource(r.minor(), r.name(), r.connection(), r.role(), r.peerRole(), r.disk(),
                r.peerDisk(), r.protocol(), r.outOfSyncKiB(), r.counters(),
                new DrbdResource.DrbdSync(percent, finishSeconds, speedKiBs));
        return this;
    }

    // ------------------------------------------------------------------ reading quality

    /** Every reading of the node is {@code age} old (the watcher could not refresh it). */
    public ClusterBuilder stale(String node, Duration age) {
        node(node).staleBy = age;
        return this;
    }

    /** Every reading of the node failed with {@code error}. */
    public ClusterBuilder unreachable(String node, String error) {
        node(node).unreachable = error;
        return this;
    }

    /** Only one layer of the node failed: layer is etcd, postgres, elasticsearch, drbd or ha. */
    public ClusterBuilder failed(String node, String layer, String error) {
        node(node).failedLayers.put(layer, error);
        return this;
    }

    /** Declares a node (name and host) without any layer yet. */
    public ClusterBuilder node(String name, String host) {
        nodes.computeIfAbsent(name, k -> new Node(name, host));
        return this;
    }

    private Node node(String name) {
        return nodes.computeIfAbsent(name, k -> new Node(name, Clusters.hostOf(name)));
    }

    // ------------------------------------------------------------------ build

    /** The snapshot, findings derived by {@link FindingsEngine} with this builder's thresholds. */
    public ClusterSnapshot build() {
        ClusterSnapshot bare = buildWithoutFindings();
        return bare.withFindings(FindingsEngine.derive(bare, thresholds));
    }

    public ClusterSnapshot buildWithoutFindings() {
        List<NodeView> views = new ArrayList<>();
        for (Node n : nodes.values()) {
            views.add(view(n));
        }
        return new ClusterSnapshot(seq, now, cluster, views, etcdCluster(), esHealth(), haState(), List.of());
    }

    public ClusterConfig.Thresholds thresholds() {
        return thresholds;
    }

    /** A configuration that matches the built cluster (endpoints on each node's host). */
    public ClusterConfig config() {
        List<NodeConfig> ncs = new ArrayList<>();
        List<String> etcdEndpoints = new ArrayList<>();
        for (Node n : nodes.values()) {
            String etcdUrl = n.etcdMember ? "http://" + n.host + ":2379" : null;
            if (etcdUrl != null) {
                etcdEndpoints.add(etcdUrl);
            }
            boolean drbd = n.drbd != null;
            ncs.add(new NodeConfig(n.name, n.host, etcdUrl, n.pg != null ? n.host + ":5432" : null,
                    n.pg != null ? "http://" + n.host + ":8008" : null, n.es ? "http://" + n.host + ":9200" : null,
                    drbd ? List.of("pc0") : List.of(), drbd ? "ssh" : null, drbd ? "hadecklab" : null,
                    drbd ? Clusters.drbdPeerOf(n.name) : null));
        }
        Duration s1 = Duration.ofSeconds(1);
        return new ClusterConfig(cluster, patroni ? HaManagerKind.PATRONI : HaManagerKind.NONE, false,
                etcd ? new ClusterConfig.Etcd(etcdEndpoints, null, null, null) : null,
                patroni ? new ClusterConfig.Patroni(cluster, "/service/", "hadeck", null, null) : null,
                patroni ? new ClusterConfig.Postgres("postgres", "hadeck_monitor", null, "disable", null) : null,
                esStatus != null ? new ClusterConfig.Elasticsearch(null, null, null) : null,
                new ClusterConfig.Ssh("hadecklab", 2222, null, null, Duration.ofSeconds(3), List.of()),
                new ClusterConfig.Poll(s1, s1, s1, Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new ClusterConfig.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)), thresholds, ncs);
    }

    private NodeView view(Node n) {
        NodeView v = NodeView.empty(n.name, n.host);
        if (n.etcdMember) {
            v = v.withEtcd(observe(n, "etcd", new EtcdMemberStatus(Clusters.etcdId(n.name), n.name,
                    "http://" + n.host + ":2379", n.etcdLeader, 4, 10_234, 24_576_000L, "3.4.23", n.alarms)));
        }
        if (n.pg != null) {
            v = v.withPostgres(observe(n, "postgres", pgInstance(n)));
            v = v.withHa(observe(n, "ha", haMember(n)));
        }
        if (n.es) {
            v = v.withElasticsearch(observe(n, "elasticsearch", esNode(n)));
        }
        if (n.drbd != null) {
            DrbdStatus st = n.drbdStatus != null ? n.drbdStatus
                    : new DrbdStatus("8.4.11 (api:1/proto:86-101)", List.of(n.drbd), ProcDrbdText.render(n.drbd));
            st = n.kernelLog == null ? st : st.withKernelLog(n.kernelLog);
            v = v.withDrbd(observe(n, "drbd", n.drbdConfig == null ? st : st.withConfig(n.drbdConfig)));
        }
        return v;
    }

    private <T> Observation<T> observe(Node n, String layer, T value) {
        String error = n.unreachable != null ? n.unreachable : n.failedLayers.get(layer);
        if (error != null) {
            return Observation.failed(error, n.staleBy != null ? now.minus(n.staleBy) : now.minusMillis(200), Duration.ofSeconds(2));
        }
        Instant readAt = now.minus(n.staleBy != null ? n.staleBy : FRESH_AGE);
        return Observation.ok(value, readAt, TOOK);
    }

    private boolean reachable(Node n, String layer) {
        return n.unreachable == null && !n.failedLayers.containsKey(layer);
    }

    private PgInstance pgInstance(Node n) {
        String version = "15.6";
        if (n.pg == PgRole.PRIMARY) {
            List<PgInstance.PgReplication> rows = new ArrayList<>();
            List<PgInstance.PgSlot> slots = new ArrayList<>();
            for (Node s : nodes.values()) {
                if (s.pg != PgRole.STANDBY) {
                    continue;
                }
                String slot = s.name.replace('-', '_');
                Lsn replay = new Lsn(PRIMARY_LSN.value() - s.lagBytes);
                slots.add(new PgInstance.PgSlot(slot, "physical", s.streaming && reachable(s, "postgres"), replay, s.lagBytes));
                if (s.streaming && reachable(s, "postgres")) {
                    double lag = s.lagSeconds;
                    rows.add(new PgInstance.PgReplication(s.name, s.host, "streaming", "async", PRIMARY_LSN,
                            PRIMARY_LSN, PRIMARY_LSN, replay, lag == 0 ? null : lag, lag == 0 ? null : lag,
                            lag == 0 ? null : lag));
                }
            }
            return new PgInstance(PgRole.PRIMARY, version, n.timeline, PgInstance.TimelineSource.CURRENT_WAL, PRIMARY_LSN,
                    null, null, null, null, null, null, false, rows, null, slots);
        }
        Lsn replayed = new Lsn(PRIMARY_LSN.value() - n.lagBytes);
        Node up = firstPrimary();
        PgInstance.PgWalReceiver receiver = n.streaming
                ? new PgInstance.PgWalReceiver("streaming", up == null ? null : up.host, 5432,
                n.name.replace('-', '_'), n.timeline, replayed)
                : null;
        // without a streaming receiver a standby knows its timeline only from its control file
        PgInstance.TimelineSource source = n.streaming ? PgInstance.TimelineSource.WAL_RECEIVER
                : PgInstance.TimelineSource.AT_LEAST;
        double replayAge = 0.8 + n.lagSeconds;
        return new PgInstance(PgRole.STANDBY, version, n.timeline, source, replayed, replayed, replayed, n.lagBytes,
                n.lagSeconds, replayAge, now.minusMillis((long) (replayAge * 1000)), n.replayPaused, List.of(),
                receiver, List.of());
    }

    private Node firstPrimary() {
        return nodes.values().stream().filter(x -> x.pg == PgRole.PRIMARY).findFirst().orElse(null);
    }

    private HaMember haMember(Node n) {
        boolean leader = n.name.equals(leaderKey);
        String role = leader ? (legacyPatroniWords ? "master" : "leader") : "replica";
        String state = leader || legacyPatroniWords ? "running" : (n.streaming ? "streaming" : "running");
        Map<String, String> tags = n.failoverAllowed ? Map.of() : Map.of("nofailover", "true");
        return new HaMember(n.name, HaRole.of(role), HaRunState.of(state), n.failoverAllowed, leader ? 0L : n.lagBytes, n.timeline,
                "http://" + n.host + ":8008/patroni", tags);
    }

    private Observation<EtcdCluster> etcdCluster() {
        if (!etcd) {
            return null;
        }
        List<EtcdCluster.Member> members = new ArrayList<>();
        int healthy = 0;
        String leaderId = null;
        for (Node n : nodes.values()) {
            if (!n.etcdMember) {
                continue;
            }
            members.add(new EtcdCluster.Member(Clusters.etcdId(n.name), n.name, List.of("http://" + n.host + ":2380"),
                    List.of("http://" + n.host + ":2379")));
            if (reachable(n, "etcd")) {
                healthy++;
                if (n.etcdLeader) {
                    leaderId = Clusters.etcdId(n.name);
                }
            }
        }
        int h = etcdHealthyOverride >= 0 ? etcdHealthyOverride : healthy;
        if (h <= members.size() / 2) {
            leaderId = null; // no quorum: no leader
        }
        return Observation.ok(new EtcdCluster("cdf818194e3a8c32", members, leaderId, h), now.minus(FRESH_AGE), TOOK);
    }

    private EsNode esNode(Node n) {
        boolean master = nodes.values().stream().filter(x -> x.es && x.esInList && reachable(x, "elasticsearch"))
                .findFirst().map(x -> x == n).orElse(false);
        return new EsNode(n.name, n.host, List.of("data", "ingest", "master"), master, 34, 41.2, "7.10.2");
    }

    private Observation<EsClusterHealth> esHealth() {
        if (esStatus == null) {
            return null;
        }
        List<EsNode> list = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n.es && n.esInList && reachable(n, "elasticsearch")) {
                list.add(esNode(n));
            }
        }
        if (list.isEmpty()) {
            return Observation.failed("no Elasticsearch node answered", now.minusMillis(200), Duration.ofSeconds(3));
        }
        int total = 12;
        int active = total - esUnassigned;
        return Observation.ok(new EsClusterHealth(cluster + "-es", esStatus, list.size(), list.size(), active, 0, 0,
                esUnassigned, Math.round(1000.0 * active / total) / 10.0, list), now.minus(FRESH_AGE), TOOK);
    }

    private HaState haStateValue() {
        List<HaMember> members = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n.pg != null && reachable(n, "ha")) {
                members.add(haMember(n));
            }
        }
        return new HaState(HaManagerKind.PATRONI, new LeaderKey(leaderKey, leaderKey == null ? null : now.minus(Duration.ofHours(2)),
                LeaderKey.From.LEADER_KEY, leaderAgentDown, leaderKeyTtl), members, Failover.reported(!paused, pendingRequest),
                haSettings);
    }

    private Observation<HaState> haState() {
        return patroni ? Observation.ok(haStateValue(), now.minus(FRESH_AGE), TOOK) : null;
    }

    private static Map<String, Long> counters(long oos) {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("ns", 4_091_788L);
        c.put("nr", 64L);
        c.put("dw", 112L);
        c.put("dr", 4_092_817L);
        c.put("al", 3L);
        c.put("bm", 252L);
        c.put("lo", 0L);
        c.put("pe", 0L);
        c.put("ua", 0L);
        c.put("ap", 0L);
        c.put("ep", 1L);
        c.put("oos", oos);
        return c;
    }
}
