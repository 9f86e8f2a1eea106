package io.hadeck.probe.etcd;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.maintenance.AlarmMember;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.options.GetOption;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.model.Observation;
import io.hadeck.probe.Failures;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.Probe;
import io.hadeck.probe.etcd.EtcdMapping.EndpointStatus;
import io.hadeck.probe.etcd.EtcdMapping.MemberInfo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The etcd cluster: member list (from whichever member answers first), then status, alarms and a
 * quorum read per endpoint, all endpoints at once, each through its own client with a short
 * timeout so a dead member costs only its own slot.
 */
public class EtcdReader extends Probe<EtcdReader.EtcdReading> implements AutoCloseable {

    /** The cluster-wide reading and each etcd node's own, by configured node name. */
    public record EtcdReading(EtcdCluster cluster, Map<String, Observation<EtcdMemberStatus>> members) {
        public EtcdReading {
            members = Map.copyOf(members);
        }
    }

    private final ClusterConfig cluster;
    private final Duration perMember;
    private final Map<String, Client> clients = new LinkedHashMap<>();

    public EtcdReader(ClusterConfig cluster, Clock clock) {
        super(cluster.timeouts().read(), clock);
        this.cluster = cluster;
        Duration connect = cluster.timeouts().connect();
        this.perMember = connect.compareTo(timeout()) < 0 ? connect : timeout();
        for (String e : EtcdClients.endpoints(cluster)) {
            clients.put(EtcdMapping.trimSlash(e), EtcdClients.build(cluster.etcd(), List.of(e), connect));
        }
    }

    @Override
    protected EtcdReading fetch() throws Exception {
        // Every endpoint's status and quorum read start now, in parallel with the member list.
        Map<String, Future<Observation<EndpointStatus>>> statuses = new LinkedHashMap<>();
        Map<String, Future<Boolean>> health = new LinkedHashMap<>();
        clients.forEach((endpoint, c) -> {
            statuses.put(endpoint, FirstAnswer.submit(() -> status(endpoint, c)));
            health.put(endpoint, FirstAnswer.submit(() -> healthy(c)));
        });
        List<Callable<List<MemberInfo>>> asks = new ArrayList<>();
        clients.values().forEach(c -> asks.add(() -> members(c)));
        List<MemberInfo> members = FirstAnswer.of(asks, new ArrayList<>(clients.keySet()), timeout(), "etcd");
        Map<Long, List<String>> alarms = alarms();
        List<EndpointStatus> answered = new ArrayList<>();
        Map<String, Observation<EndpointStatus>> byEndpoint = new HashMap<>();
        for (var e : statuses.entrySet()) {
            Observation<EndpointStatus> o = await(e.getValue());
            byEndpoint.put(e.getKey(), o);
            o.get().ifPresent(answered::add);
        }
        int healthy = 0;
        for (Future<Boolean> f : health.values()) {
            if (awaitQuietly(f)) {
                healthy++;
            }
        }
        Map<String, Observation<EtcdMemberStatus>> perNode = new LinkedHashMap<>();
        for (NodeConfig n : EtcdMapping.etcdNodes(cluster, members)) {
            String endpoint = EtcdMapping.endpointOf(n, members).orElse(null);
            Observation<EndpointStatus> o = endpoint == null ? null : byEndpoint.get(endpoint);
            perNode.put(n.name(), o == null
                    ? Observation.failed("no etcd endpoint known for " + n.name(), now(), Duration.ZERO)
                    : o.isOk() ? Observation.ok(EtcdMapping.member(o.value(), members, alarms), o.readAt(), o.took())
                    : Observation.failed(o.error(), o.readAt(), o.took()));
        }
        return new EtcdReading(EtcdMapping.cluster(lastClusterId, members, answered, healthy), perNode);
    }

    /** From any status header; the same for every member of one cluster. */
    private volatile long lastClusterId;

    private Observation<EndpointStatus> status(String endpoint, Client c) {
        long start = System.nanoTime();
        try {
            StatusResponse r = c.getMaintenanceClient().statusMember(endpoint)
                    .get(perMember.toMillis(), TimeUnit.MILLISECONDS);
            lastClusterId = r.getHeader().getClusterId();
            return Observation.ok(new EndpointStatus(endpoint, r.getHeader().getMemberId(), r.getLeader(),
                    r.getRaftTerm(), r.getRaftIndex(), r.getDbSize(), r.getVersion()), now(), since(start));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Observation.failed(Failures.describe(e, perMember), now(), since(start));
        }
    }

    /** What {@code etcdctl endpoint health} does: a linearizable read, which needs the member to reach quorum. */
    private boolean healthy(Client c) throws Exception {
        c.getKVClient().get(EtcdClients.bytes("health"), GetOption.newBuilder().withSerializable(false).build())
                .get(perMember.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private List<MemberInfo> members(Client c) throws Exception {
        return c.getClusterClient().listMember().get(perMember.toMillis(), TimeUnit.MILLISECONDS).getMembers().stream()
                .map(EtcdReader::info).toList();
    }

    private static MemberInfo info(Member m) {
        return new MemberInfo(m.getId(), m.getName(), m.getPeerURIs().stream().map(URI::toString).toList(),
                m.getClientURIs().stream().map(URI::toString).toList());
    }

    /** Alarms (NOSPACE, CORRUPT) by member ID, from whichever member answers; none known when nobody does. */
    private Map<Long, List<String>> alarms() throws InterruptedException {
        List<Callable<List<AlarmMember>>> asks = new ArrayList<>();
        clients.values().forEach(c -> asks.add(() -> c.getMaintenanceClient().listAlarms()
                .get(perMember.toMillis(), TimeUnit.MILLISECONDS).getAlarms()));
        Map<Long, List<String>> out = new HashMap<>();
        try {
            for (AlarmMember a : FirstAnswer.of(asks, perMember, "etcd")) {
                out.computeIfAbsent(a.getMemberId(), k -> new ArrayList<>()).add(a.getAlarmType().name());
            }
        } catch (RuntimeException e) {
            // Alarms are a detail; the member list already proved the cluster answers.
        }
        return out;
    }

    private <T> Observation<T> await(Future<Observation<T>> f) throws InterruptedException {
        try {
            return f.get(perMember.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            return Observation.failed(Failures.timedOut(perMember), now(), perMember);
        }
    }

    private static boolean awaitQuietly(Future<Boolean> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        clients.values().forEach(Client::close);
    }
}
