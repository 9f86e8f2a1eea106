package io.hadeck.probe.etcd;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.model.Observation;
import io.hadeck.probe.Failures;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.etcd.EtcdMapping.EndpointStatus;
import io.hadeck.probe.etcd.EtcdMapping.MemberInfo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The etcd cluster: member list and alarms from whichever member answers, and per endpoint its
 * status and a quorum read, all endpoints at once, each with a short timeout so a dead member
 * costs only its own slot. Every request goes to one endpoint through etcd's JSON gateway
 * ({@link EtcdGateway}), so an endpoint costs a connection, not a client. Whatever has not answered
 * when the read's time is up is reported as timed out, so one hung member never costs the whole reading.
 */
public class EtcdReader extends Probe<EtcdReader.EtcdReading> {

    /** The cluster-wide reading and each etcd node's own, by configured node name. */
    public record EtcdReading(EtcdCluster cluster, Map<String, Observation<EtcdMemberStatus>> members) {
        public EtcdReading {
            members = Map.copyOf(members);
        }
    }

    private final ClusterConfig cluster;
    private final Duration perMember;
    /** Endpoint URLs without a trailing slash, in configuration order. */
    private final List<String> endpoints;
    private final EtcdGateway etcd;
    /** The endpoint that last gave the member list: asked first next time. */
    private volatile String lastAnswered;

    public EtcdReader(ClusterConfig cluster, Clock clock) {
        this(cluster, clock, EtcdGateway.of(cluster));
    }

    /** Asks through the cluster's shared gateway (its auth tokens are shared with Patroni's key reads). */
    public EtcdReader(ClusterConfig cluster, Clock clock, EtcdGateway etcd) {
        super(cluster.timeouts().read(), clock);
        this.cluster = cluster;
        this.etcd = etcd;
        this.endpoints = EtcdClients.endpoints(cluster).stream().map(EtcdMapping::trimSlash).toList();
        // A member's answer over https includes a TLS handshake with a client certificate, and with etcd users a
        // token request (etcd checks the password with bcrypt). At load 13 on the 2-core lab machine that took
        // 2.5-4 s, past the 2 s connect limit, and every member of a healthy secure etcd read as "timed out after
        // 2 s". Such a member gets the read limit; a plain one keeps the connect limit (a dead member is seen sooner).
        boolean costlyAnswer = endpoints.stream().anyMatch(u -> u.startsWith("https:"))
                || cluster.etcd() != null && cluster.etcd().username() != null;
        Duration connect = cluster.timeouts().connect();
        this.perMember = !costlyAnswer && connect.compareTo(timeout()) < 0 ? connect : timeout();
    }

    @Override
    protected EtcdReading fetch() throws Exception {
        Duration budget = budget();
        Duration per = perMember.compareTo(budget) < 0 ? perMember : budget;
        // Every endpoint's status, then its quorum read, start now, in parallel with the member list.
        Map<String, Future<Observation<EndpointStatus>>> statuses = new LinkedHashMap<>();
        Map<String, Future<Boolean>> health = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> {
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

    /** The member list from whichever member answers first; when none does, each endpoint's own reason. */
    private List<MemberInfo> members(Duration per, Map<String, Future<Observation<EndpointStatus>>> statuses)
            throws InterruptedException {
        List<String> order = FirstAnswer.lastWinnerFirst(endpoints, lastAnswered);
        List<Callable<List<MemberInfo>>> asks = new ArrayList<>();
        for (String endpoint : order) {
            asks.add(() -> {
                List<MemberInfo> m = etcd.members(endpoint, per);
                lastAnswered = endpoint;
                return m;
            });
        }
        try {
            return FirstAnswer.of(asks, order, budget(), "etcd");
        } catch (ProbeException e) {
            // One reason once, with the endpoints that gave it: a wrong password or CA is the same on every member.
            Map<String, List<String>> why = new LinkedHashMap<>();
            for (var s : statuses.entrySet()) {
                Observation<EndpointStatus> o = await(s.getValue(), per);
                why.computeIfAbsent(o.isOk() ? Failures.describe(e, per) : o.error(), k -> new ArrayList<>()).add(s.getKey());
            }
            List<String> said = new ArrayList<>();
            why.forEach((reason, at) -> said.add(reason + (at.size() == endpoints.size() && at.size() > 1
                    ? " (all " + at.size() + " endpoints)" : " (" + String.join(", ", at) + ")")));
            throw new ProbeException("no etcd member answered: " + String.join("; ", said));
        }
    }

    /** From any status header; the same for every member of one cluster. */
    private volatile long lastClusterId;

    private Observation<EndpointStatus> status(String endpoint, Duration per) {
        long start = System.nanoTime();
        try {
            EtcdGateway.Status r = etcd.status(endpoint, per);
            lastClusterId = r.clusterId();
            return Observation.ok(r.endpoint(), now(), since(start));
        } catch (Exception e) {
            return Observation.failed(Failures.describe(e, per), now(), since(start));
        }
    }

    /** What {@code etcdctl endpoint health} does: a linearizable read, which needs the member to reach quorum. */
    private boolean healthy(String endpoint, Duration per) throws Exception {
        etcd.quorumRead(endpoint, per);
        return true;
    }

    /** Alarms (NOSPACE, CORRUPT) by member ID, from the member that gave the list; none known when it does not answer. */
    private Map<Long, List<String>> alarms(Duration per) {
        try {
            return lastAnswered == null ? Map.of() : etcd.alarms(lastAnswered, per);
        } catch (Exception e) {
            // Alarms are a detail; the member list already proved the cluster answers.
            return Map.of();
        }
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
}
