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
import io.hadeck.probe.ClientsOnDemand;
import io.hadeck.probe.Failures;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The etcd cluster: member list and alarms from whichever member answers, and per endpoint its
 * status and a quorum read, all endpoints at once, each with a short timeout so a dead member
 * costs only its own slot. One client serves the cluster (status asks each endpoint on a channel
 * of its own); the quorum read needs a client bound to the endpoint, built only for endpoints that
 * answered their status, so a fleet of dead endpoints does not cost one gRPC client each. Whatever has not answered when the read's
 * time is up is reported as timed out, so one hung member never costs the whole reading.
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
    /** Endpoint URL → its configured form, in configuration order. */
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    /** One client per endpoint, built on first use and in parallel (a gRPC client takes a while to set up). */
    private final ClientsOnDemand<Client> clients;
    private final SharedEtcdClient shared;
    private final boolean ownsShared;

    public EtcdReader(ClusterConfig cluster, Clock clock) {
        this(cluster, clock, new SharedEtcdClient(cluster), true);
    }

    /** Asks the cluster as a whole through its shared client (closed by its owner). */
    public EtcdReader(ClusterConfig cluster, Clock clock, SharedEtcdClient shared) {
        this(cluster, clock, shared, false);
    }

    private EtcdReader(ClusterConfig cluster, Clock clock, SharedEtcdClient shared, boolean ownsShared) {
        super(cluster.timeouts().read(), clock);
        this.cluster = cluster;
        this.shared = shared;
        this.ownsShared = ownsShared;
        Duration connect = cluster.timeouts().connect();
        this.perMember = connect.compareTo(timeout()) < 0 ? connect : timeout();
        EtcdClients.endpoints(cluster).forEach(e -> endpoints.put(EtcdMapping.trimSlash(e), e));
        this.clients = new ClientsOnDemand<>(e -> EtcdClients.build(cluster.etcd(), List.of(endpoints.get(e)),
                cluster.timeouts().connect()));
    }

    /** The client for the whole cluster: member list, alarms, and each endpoint's status (on a channel of its own). */
    private Client shared() {
        return shared.get();
    }

    /** A client bound to one endpoint, for its quorum read: built only for endpoints that answered their status. */
    private Client client(String endpoint) {
        return clients.get(endpoint);
    }

    @Override
    protected EtcdReading fetch() throws Exception {
        Duration budget = budget();
        Duration per = perMember.compareTo(budget) < 0 ? perMember : budget;
        // Every endpoint's status, then its quorum read, start now, in parallel with the member list.
        Map<String, Future<Observation<EndpointStatus>>> statuses = new LinkedHashMap<>();
        Map<String, Future<Boolean>> health = new LinkedHashMap<>();
        endpoints.keySet().forEach(endpoint -> {
            Future<Observation<EndpointStatus>> status = FirstAnswer.submit(() -> status(endpoint, per));
            statuses.put(endpoint, status);
            health.put(endpoint, FirstAnswer.submit(() -> status.get().isOk() && healthy(endpoint, per)));
        });
        List<MemberInfo> members = members(per, statuses);
        Map<Long, List<String>> alarms = alarms(per);
        List<EndpointStatus> answered = new ArrayList<>();
        Map<String, Observation<EndpointStatus>> byEndpoint = new HashMap<>();
        for (var e : statuses.entrySet()) {
            Observation<EndpointStatus> o = await(e.getValue(), per);
            byEndpoint.put(e.getKey(), o);
            o.get().ifPresent(answered::add);
        }
        int healthy = healthyMembers(List.copyOf(health.values()));
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

    /** The member list from whichever member the client reaches; when none does, each endpoint's own reason. */
    private List<MemberInfo> members(Duration per, Map<String, Future<Observation<EndpointStatus>>> statuses)
            throws InterruptedException {
        try {
            return shared().getClusterClient().listMember().get(budget().toMillis(), TimeUnit.MILLISECONDS)
                    .getMembers().stream().map(EtcdReader::info).toList();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            List<String> why = new ArrayList<>();
            for (var s : statuses.entrySet()) {
                Observation<EndpointStatus> o = await(s.getValue(), per);
                why.add(s.getKey() + ": " + (o.isOk() ? Failures.describe(e, per) : o.error()));
            }
            throw new ProbeException("no etcd member answered: " + String.join("; ", why));
        }
    }

    /** From any status header; the same for every member of one cluster. */
    private volatile long lastClusterId;

    private Observation<EndpointStatus> status(String endpoint, Duration per) {
        long start = System.nanoTime();
        try {
            StatusResponse r = shared().getMaintenanceClient().statusMember(endpoints.get(endpoint))
                    .get(per.toMillis(), TimeUnit.MILLISECONDS);
            lastClusterId = r.getHeader().getClusterId();
            return Observation.ok(new EndpointStatus(endpoint, r.getHeader().getMemberId(), r.getLeader(),
                    r.getRaftTerm(), r.getRaftIndex(), r.getDbSize(), r.getVersion()), now(), since(start));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Observation.failed(Failures.describe(e, per), now(), since(start));
        }
    }

    /** What {@code etcdctl endpoint health} does: a linearizable read, which needs the member to reach quorum. */
    private boolean healthy(String endpoint, Duration per) throws Exception {
        try {
            client(endpoint).getKVClient().get(EtcdClients.bytes("health"), GetOption.newBuilder().withSerializable(false)
                    .build()).get(per.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            // UNAVAILABLE from a client whose channel failed while the member was away: gRPC keeps failing it
            // until its reconnect back-off ends (seen in the soak: "no quorum" 9 s after etcd had it back).
            // The member answered its status just now, so a new client reaches it at once.
            if (String.valueOf(e.getCause()).contains("UNAVAILABLE")) {
                clients.discard(endpoint);
            }
            throw e;
        }
    }

    private static MemberInfo info(Member m) {
        return new MemberInfo(m.getId(), m.getName(), m.getPeerURIs().stream().map(URI::toString).toList(),
                m.getClientURIs().stream().map(URI::toString).toList());
    }

    /** Alarms (NOSPACE, CORRUPT) by member ID, from whichever member answers; none known when nobody does. */
    private Map<Long, List<String>> alarms(Duration per) throws InterruptedException {
        Map<Long, List<String>> out = new HashMap<>();
        try {
            for (AlarmMember a : shared().getMaintenanceClient().listAlarms().get(per.toMillis(), TimeUnit.MILLISECONDS)
                    .getAlarms()) {
                out.computeIfAbsent(a.getMemberId(), k -> new ArrayList<>()).add(a.getAlarmType().name());
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            // Alarms are a detail; the member list already proved the cluster answers.
        }
        return out;
    }

    /** Waits at most for what is left of the read: an endpoint still silent then is reported as timed out. */
    private <T> Observation<T> await(Future<Observation<T>> f, Duration per) throws InterruptedException {
        try {
            return f.get(budget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            return Observation.failed(Failures.timedOut(per), now(), per);
        }
    }

    /**
     * How many members answered a linearizable read. Once so many have failed that a majority can no
     * longer answer, the rest are not waited for: a member cut off from its quorum holds its read
     * until the timeout (seen in the soak: a quorum loss shown 3.6 s late), and without a majority
     * its read cannot succeed anyway.
     */
    private int healthyMembers(List<Future<Boolean>> reads) throws InterruptedException {
        int needed = reads.size() / 2 + 1;
        long end = System.nanoTime() + budget().toNanos();
        while (true) {
            int healthy = 0;
            int failed = 0;
            for (Future<Boolean> f : reads) {
                if (f.isDone()) {
                    if (answeredHealthy(f)) {
                        healthy++;
                    } else {
                        failed++;
                    }
                }
            }
            boolean allDone = healthy + failed == reads.size();
            if (allDone || reads.size() - failed < needed || System.nanoTime() >= end) {
                if (!allDone) {
                    reads.forEach(f -> f.cancel(true));
                }
                return healthy;
            }
            Thread.sleep(10);
        }
    }

    private static boolean answeredHealthy(Future<Boolean> done) {
        try {
            return Boolean.TRUE.equals(done.get());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        clients.close();
        if (ownsShared) {
            shared.close();
        }
    }
}
