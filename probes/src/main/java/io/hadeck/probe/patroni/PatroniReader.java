package io.hadeck.probe.patroni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.HaState;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.HttpJson;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.TlsContexts;
import io.hadeck.probe.etcd.EtcdClients;
import io.hadeck.probe.etcd.EtcdGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Patroni's view: {@code GET /cluster} from whichever node answers first, and its keys in etcd
 * (leader key holder, pause, pending failover), read at the same time. Either half alone still
 * gives a reading; the leader key comes from etcd whenever etcd answers.
 */
public class PatroniReader extends Probe<HaState> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterConfig cluster;
    private final String prefix;
    private final String authorization;
    private final EtcdGateway etcd;
    private final List<String> etcdEndpoints;
    /** The etcd endpoint that last answered: asked first next time. */
    private volatile String lastEtcd;
    /** Built on first use: a one-shot run that never needs it does not pay for its set-up. */
    private HttpJson http;
    private volatile String lastAnswered;
    private String seenHolder;
    private long seenRevision;
    private Instant seenSince;

    public PatroniReader(ClusterConfig cluster, Clock clock) {
        this(cluster, clock, EtcdGateway.of(cluster));
    }

    /** Reads Patroni's keys through the cluster's etcd gateway. */
    public PatroniReader(ClusterConfig cluster, Clock clock, EtcdGateway etcd) {
        super(cluster.timeouts().read(), clock);
        this.etcd = etcd;
        this.etcdEndpoints = EtcdClients.endpoints(cluster);
        this.cluster = cluster;
        this.prefix = prefix(cluster);
        ClusterConfig.Patroni p = cluster.patroni();
        this.authorization = p == null ? null : p.basicAuthorization().orElse(null);
    }

    private synchronized HttpJson http() {
        if (http == null) {
            ClusterConfig.Patroni p = cluster.patroni();
            boolean https = cluster.nodes().stream().anyMatch(n -> n.patroni() != null && n.patroni().startsWith("https:"));
            http = new HttpJson(cluster.timeouts().connect(), authorization,
                    https ? TlsContexts.of(p == null ? null : p.tls()).getSocketFactory() : null);
        }
        return http;
    }

    /** Whether one member's REST API answers ({@code GET /patroni}) with this cluster's credentials and TLS. */
    public void ping(String restUrl) throws java.io.IOException {
        http().get(io.hadeck.probe.etcd.EtcdMapping.trimSlash(restUrl) + "/patroni", timeout());
    }

    /** {@code <namespace><scope>/}, e.g. {@code /service/lab/}: where Patroni keeps its keys. */
    public static String prefix(ClusterConfig cluster) {
        ClusterConfig.Patroni p = cluster.patroni();
        String ns = p == null || p.namespace() == null ? "/service/" : p.namespace();
        if (!ns.startsWith("/")) {
            ns = "/" + ns;
        }
        if (!ns.endsWith("/")) {
            ns = ns + "/";
        }
        String scope = p == null || p.scope() == null ? cluster.name() : p.scope();
        return ns + scope + "/";
    }

    @Override
    protected HaState fetch() throws Exception {
        Duration budget = budget();
        Future<List<PatroniMapping.Key>> keys = etcdEndpoints.isEmpty() ? null : FirstAnswer.submit(() -> keys(budget));
        // asked at once of the holder seen last time, so a dead agent costs no extra round trip
        String guess = lastHolder();
        Future<String> alive = guess == null ? null : FirstAnswer.submit(() -> liveness(guess));
        JsonNode rest = null;
        String restError = null;
        try {
            rest = restCluster(budget);
        } catch (ProbeException e) {
            restError = e.getMessage();
        }
        List<PatroniMapping.Key> k = null;
        String etcdError = null;
        if (keys != null) {
            try {
                k = keys.get(budget().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                keys.cancel(true);
                etcdError = io.hadeck.probe.Failures.describe(e, budget);
            }
        }
        if (rest == null && k == null) {
            throw new ProbeException("Patroni: " + restError + (etcdError == null ? "" : "; etcd: " + etcdError));
        }
        HaState state = PatroniMapping.state(rest, k, observedSince(k));
        return leaderAgent(state, k, rest != null ? lastAnswered : null, guess, alive);
    }

    private synchronized String lastHolder() {
        return seenHolder;
    }

    /** How long the key holder's own Patroni may take to say it is alive: a hung one must not hold up the reading. */
    static final Duration LIVENESS_LIMIT = Duration.ofMillis(1500);

    /**
     * Whether the leader key holder's own Patroni answers ({@code GET /liveness}), and when it does not,
     * how long its key's lease has left: a primary whose HA agent died keeps its key, and accepts
     * writes, until the lease runs out; then another node is promoted and two primaries accept writes.
     */
    private HaState leaderAgent(HaState state, List<PatroniMapping.Key> keys, String answeredCluster, String guess,
                                Future<String> alive) throws InterruptedException {
        String holder = state.leader().holder();
        String why;
        if (holder == null || holder.equals(answeredCluster) || cluster.node(holder).map(NodeConfig::patroni).isEmpty()) {
            why = null;
        } else if (holder.equals(guess) && alive != null) {
            try {
                why = alive.get(LIVENESS_LIMIT.toMillis() + 200, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                alive.cancel(true);
                why = io.hadeck.probe.Failures.describe(e, LIVENESS_LIMIT);
            }
        } else {
            why = liveness(holder);
        }
        if (alive != null && !alive.isDone()) {
            alive.cancel(true);
        }
        return why == null ? state : state.withLeader(state.leader().withAgent(why, leaseLeft(keys)));
    }

    /** Null when {@code node}'s own Patroni says it is alive ({@code GET /liveness}); else why not. */
    private String liveness(String node) {
        String url = cluster.node(node).map(NodeConfig::patroni).orElse(null);
        if (url == null) {
            return null;
        }
        Duration limit = budget().compareTo(LIVENESS_LIMIT) < 0 ? budget() : LIVENESS_LIMIT;
        try {
            http().get(url.replaceAll("/+$", "") + "/liveness", limit);
            return null;
        } catch (Exception e) {
            return io.hadeck.probe.Failures.describe(e, limit);
        }
    }

    /** Seconds left on the leader key's lease, null when etcd does not say. */
    private Long leaseLeft(List<PatroniMapping.Key> keys) {
        PatroniMapping.Key leader = keys == null ? null
                : keys.stream().filter(k -> k.name().equals("leader")).findFirst().orElse(null);
        if (leader == null || leader.lease() == 0) {
            return null;
        }
        String endpoint = lastEtcd != null ? lastEtcd : etcdEndpoints.isEmpty() ? null : etcdEndpoints.get(0);
        if (endpoint == null) {
            return null;
        }
        try {
            return etcd.leaseTimeToLive(endpoint, leader.lease(), LIVENESS_LIMIT);
        } catch (Exception e) {
            return null;
        }
    }

    /** When this reader first saw the current leader key (same holder, same create revision). */
    private synchronized Instant observedSince(List<PatroniMapping.Key> keys) {
        if (keys == null) {
            return seenSince;
        }
        PatroniMapping.Key leader = keys.stream().filter(k -> k.name().equals("leader")).findFirst().orElse(null);
        if (leader == null) {
            seenHolder = null;
            return null;
        }
        if (!leader.value().equals(seenHolder) || leader.createRevision() != seenRevision) {
            boolean firstLook = seenHolder == null && seenSince == null;
            seenHolder = leader.value();
            seenRevision = leader.createRevision();
            seenSince = firstLook ? null : now();  // on our very first look we do not know since when
        }
        return seenSince;
    }

    private JsonNode restCluster(Duration budget) throws InterruptedException {
        Map<String, String> urls = new LinkedHashMap<>();
        cluster.nodes().stream().filter(n -> n.patroni() != null).forEach(n -> urls.put(n.name(), n.patroni()));
        List<String> labels = FirstAnswer.lastWinnerFirst(List.copyOf(urls.keySet()), lastAnswered);
        List<Callable<JsonNode>> asks = new ArrayList<>();
        for (String node : labels) {
            asks.add(() -> {
                JsonNode answer = get(urls.get(node), budget);
                lastAnswered = node;
                return answer;
            });
        }
        return FirstAnswer.of(asks, labels, budget, "Patroni");
    }

    private JsonNode get(String base, Duration budget) throws Exception {
        return JSON.readTree(http().get(base.replaceAll("/+$", "") + "/cluster", budget));
    }

    /** Patroni's keys, linearizable (what Patroni itself acts on), from whichever etcd member answers first. */
    private List<PatroniMapping.Key> keys(Duration budget) throws Exception {
        List<String> order = FirstAnswer.lastWinnerFirst(etcdEndpoints, lastEtcd);
        List<Callable<List<EtcdGateway.KeyValue>>> asks = new ArrayList<>();
        for (String endpoint : order) {
            asks.add(() -> {
                List<EtcdGateway.KeyValue> kvs = etcd.prefix(endpoint, prefix, false, budget);
                lastEtcd = endpoint;
                return kvs;
            });
        }
        return FirstAnswer.of(asks, order, budget, "etcd").stream()
                .map(kv -> new PatroniMapping.Key(kv.key().substring(prefix.length()), kv.value(), kv.createRevision(),
                        kv.lease())).toList();
    }
}
