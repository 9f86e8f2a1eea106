package io.hadeck.console.output;

import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.model.EsNode;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.model.Finding;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;
import io.hadeck.model.Lsn;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The model as JSON trees with fixed camelCase names. Written by hand, not by reflection, so a
 * renamed record component cannot silently change the JSON and nothing secret can slip in.
 */
public final class ModelJson {

    private ModelJson() {
    }

    public static Map<String, Object> snapshot(ClusterSnapshot s) {
        return Obj.of().put("cluster", s.cluster()).put("seq", s.seq()).put("takenAt", time(s.takenAt()))
                .put("worst", lower(s.worst()))
                .put("nodes", s.nodes().stream().map(ModelJson::node).toList())
                .put("etcd", reading(s.etcd(), ModelJson::etcd))
                .put("elasticsearch", reading(s.es(), ModelJson::es))
                .put("ha", reading(s.ha(), ModelJson::ha))
                .put("findings", findings(s.findings())).map();
    }

    public static Map<String, Object> node(NodeView n) {
        return Obj.of().put("name", n.name()).put("host", n.host())
                .put("etcd", reading(n.etcd(), ModelJson::etcdMember))
                .put("postgres", reading(n.postgres(), ModelJson::pg))
                .put("elasticsearch", reading(n.elasticsearch(), ModelJson::esNode))
                .put("drbd", reading(n.drbd(), ModelJson::drbd))
                .put("ha", reading(n.ha(), ModelJson::haMember))
                .put("chef", reading(n.chef(), ModelJson::chef)).map();
    }

    /** The Chef Backend seeds' checks on a node: chef-backend-ctl status's table, leaderl's counts, version, clock, VIP, ports. */
    public static Object chef(ChefNodeChecks k) {
        ChefNodeChecks.Leaderl l = k.leaderl();
        return Obj.of().put("services", k.services().stream().map(v -> Obj.of().put("service", v.name())
                        .put("running", v.running()).put("pid", v.pid()).put("timeInState", v.timeInState())
                        .put("distributed", v.distributed()).map()).toList())
                .put("leaderl", l == null ? null : Obj.of().put("leader", l.leader()).put("waiting", l.waiting())
                        .put("follower", l.follower()).put("total", l.total()).map())
                .put("version", k.version()).put("versionError", k.versionError())
                .put("clockOffsetSeconds", k.clockOffsetSeconds()).put("holdsVip", k.holdsVip())
                .put("unreachablePorts", k.closedPorts().stream().map(p -> p.node() + ":" + p.port()).toList()).map();
    }

    /** {ok, error, readAt, tookMs, value}; null when the node does not run that layer. */
    public static <T> Map<String, Object> reading(Observation<T> o, Function<T, Object> value) {
        if (o == null) {
            return null;
        }
        return Obj.of().put("ok", o.isOk()).put("error", o.error()).put("readAt", time(o.readAt()))
                .put("tookMs", o.took().toMillis()).put("value", o.isOk() ? value.apply(o.value()) : null).map();
    }

    public static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(f -> Obj.of().put("severity", lower(f.severity())).put("code", f.code())
                .put("nodes", f.nodes()).put("message", f.message()).put("action", f.action()).map()).toList();
    }

    public static Object pg(PgInstance p) {
        return Obj.of().put("role", lower(p.role())).put("serverVersion", p.serverVersion())
                .put("timeline", p.timeline()).put("timelineSource", lower(p.timelineSource()))
                .put("currentLsn", lsn(p.currentLsn()))
                .put("receivedLsn", lsn(p.receivedLsn())).put("replayedLsn", lsn(p.replayedLsn()))
                .put("lagBytes", p.lagBytes()).put("lagSeconds", p.lagSeconds())
                .put("lastReplay", time(p.lastReplay())).put("replayPaused", p.replayPaused())
                .put("replication", p.replication().stream().map(r -> Obj.of()
                        .put("applicationName", r.applicationName()).put("clientAddr", r.clientAddr())
                        .put("state", r.state()).put("syncState", r.syncState()).put("sentLsn", lsn(r.sentLsn()))
                        .put("writeLsn", lsn(r.writeLsn())).put("flushLsn", lsn(r.flushLsn()))
                        .put("replayLsn", lsn(r.replayLsn())).put("writeLagSeconds", r.writeLagSeconds())
                        .put("flushLagSeconds", r.flushLagSeconds()).put("replayLagSeconds", r.replayLagSeconds()).map())
                        .toList())
                .put("walReceiver", p.walReceiver() == null ? null : Obj.of()
                        .put("status", p.walReceiver().status()).put("senderHost", p.walReceiver().senderHost())
                        .put("senderPort", p.walReceiver().senderPort()).put("slotName", p.walReceiver().slotName())
                        .put("receivedTimeline", p.walReceiver().receivedTimeline())
                        .put("flushedLsn", lsn(p.walReceiver().flushedLsn())))
                .put("slots", p.slots().stream().map(s -> Obj.of().put("name", s.name()).put("type", s.type())
                        .put("active", s.active()).put("restartLsn", lsn(s.restartLsn()))
                        .put("retainedBytes", s.retainedBytes()).put("walStatus", s.walStatus()).map()).toList())
                .put("newestHistory", p.newestHistory() == null ? null : Obj.of()
                        .put("timeline", p.newestHistory().timeline()).put("began", time(p.newestHistory().began())).map())
                .put("receiverLog", p.receiverLog() == null ? null : Obj.of()
                        .put("cause", p.receiverLog().cause() == null ? null : lower(p.receiverLog().cause()))
                        .put("line", p.receiverLog().line()).put("loggedAt", p.receiverLog().loggedAt())
                        .put("unreadable", p.receiverLog().unreadable()).map()).map();
    }

    public static Object etcd(EtcdCluster e) {
        return Obj.of().put("clusterId", e.clusterId()).put("leaderId", e.leaderId()).put("healthy", e.healthy())
                .put("total", e.total()).put("quorum", e.hasQuorum())
                .put("members", e.members().stream().map(m -> Obj.of().put("id", m.id()).put("name", m.name())
                        .put("peerUrls", m.peerUrls()).put("clientUrls", m.clientUrls()).map()).toList()).map();
    }

    public static Object etcdMember(EtcdMemberStatus m) {
        return Obj.of().put("id", m.id()).put("name", m.name()).put("endpoint", m.endpoint()).put("leader", m.leader())
                .put("raftTerm", m.raftTerm()).put("raftIndex", m.raftIndex()).put("dbSizeBytes", m.dbSizeBytes())
                .put("version", m.version()).put("alarms", m.alarms()).map();
    }

    public static Object es(EsClusterHealth h) {
        return Obj.of().put("clusterName", h.clusterName()).put("status", h.status()).put("nodes", h.nodes())
                .put("dataNodes", h.dataNodes()).put("activeShards", h.activeShards())
                .put("relocatingShards", h.relocatingShards()).put("initializingShards", h.initializingShards())
                .put("unassignedShards", h.unassignedShards()).put("activeShardsPercent", h.activeShardsPercent())
                .put("nodeList", h.nodeList().stream().map(ModelJson::esNode).toList()).map();
    }

    public static Object esNode(EsNode n) {
        return Obj.of().put("name", n.name()).put("ip", n.ip()).put("roles", n.roles())
                .put("electedMaster", n.electedMaster()).put("heapPercent", n.heapPercent())
                .put("diskUsedPercent", n.diskUsedPercent()).put("version", n.version()).map();
    }

    public static Object drbd(DrbdStatus d) {
        return Obj.of().put("version", d.version())
                .put("resources", d.resources().stream().map(ModelJson::drbdResource).toList())
                .put("kernelLog", kernelLog(d.kernelLog())).put("config", config(d.config())).map();
    }

    /** Null when drbdadm dump was not read yet. */
    static Object config(io.hadeck.model.DrbdConfig k) {
        if (k.readAt() == null && k.error() == null) {
            return null;
        }
        return Obj.of().put("readAt", time(k.readAt())).put("error", k.error())
                .put("resources", k.resources().stream().map(r -> Obj.of().put("name", r.name()).put("minors", r.minors())
                        .put("afterSb0pri", r.afterSb0pri().word()).put("afterSb1pri", r.afterSb1pri().word())
                        .put("afterSb2pri", r.afterSb2pri().word()).map()).toList()).map();
    }

    /** Null when the kernel log was not read (every resource connected: nothing to look for). */
    static Object kernelLog(io.hadeck.model.DrbdKernelLog k) {
        if (k == null || (!k.read() && k.error() == null)) {
            return null;
        }
        return Obj.of().put("read", k.read()).put("error", k.error())
                .put("splitBrains", k.splitBrains().stream().map(b -> Obj.of().put("resource", b.resource())
                        .put("minor", b.minor()).put("peer", b.peer()).put("message", b.message()).map()).toList()).map();
    }

    public static Map<String, Object> drbdResource(DrbdResource r) {
        return Obj.of().put("minor", r.minor()).put("name", r.name()).put("connection", r.connection())
                .put("role", r.role()).put("peerRole", r.peerRole()).put("disk", r.disk()).put("peerDisk", r.peerDisk())
                .put("protocol", r.protocol()).put("outOfSyncKiB", r.outOfSyncKiB())
                .put("sync", r.sync() == null ? null : Obj.of().put("percent", r.sync().percent())
                        .put("finishSeconds", r.sync().finishSeconds()).put("speedKiBs", r.sync().speedKiBs())).map();
    }

    public static Object ha(HaState h) {
        return Obj.of().put("manager", h.manager()).put("leaderKeyHolder", h.leader().holder())
                .put("leaderKeyHolderFrom", lower(h.leader().from()))
                .put("leaderSince", time(h.leader().since())).put("clusterFailoverEnabled", h.failover().enabled())
                .put("pendingRequest", h.failover().pendingRequest())
                .put("members", h.members().stream().map(ModelJson::haMember).toList()).map();
    }

    public static Object haMember(HaMember m) {
        return Obj.of().put("name", m.name()).put("role", m.role()).put("state", m.state())
                .put("failoverAllowed", m.failoverAllowed()).put("lagBytes", m.lagBytes())
                .put("timeline", m.timeline()).put("apiUrl", m.apiUrl()).put("tags", new java.util.TreeMap<>(m.tags())).map();
    }

    public static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    public static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    private static String lsn(Lsn l) {
        return l == null ? null : l.toString();
    }
}
