package io.hadeck.probe.patroni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.options.GetOption;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.HaState;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.TlsContexts;
import io.hadeck.probe.etcd.EtcdClients;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Patroni's view: {@code GET /cluster} from whichever node answers first, and its keys in etcd
 * (leader key holder, pause, pending failover), read at the same time. Either half alone still
 * gives a reading; the leader key comes from etcd whenever etcd answers.
 */
public class PatroniReader extends Probe<HaState> implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterConfig cluster;
    private final String prefix;
    private final HttpClient http;
    private final Client etcd;
    private final String authorization;
    private String seenHolder;
    private long seenRevision;
    private Instant seenSince;

    public PatroniReader(ClusterConfig cluster, Clock clock) {
        super(cluster.timeouts().read(), clock);
        this.cluster = cluster;
        this.prefix = prefix(cluster);
        ClusterConfig.Patroni p = cluster.patroni();
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(cluster.timeouts().connect());
        if (cluster.nodes().stream().anyMatch(n -> n.patroni() != null && n.patroni().startsWith("https:"))) {
            b.sslContext(TlsContexts.forCa(p == null ? null : p.tls()));
        }
        this.http = b.build();
        this.authorization = p != null && p.username() != null && p.password() != null
                ? "Basic " + Base64.getEncoder().encodeToString((p.username() + ":" + p.password().reveal())
                .getBytes(StandardCharsets.UTF_8)) : null;
        List<String> endpoints = EtcdClients.endpoints(cluster);
        this.etcd = endpoints.isEmpty() ? null : EtcdClients.build(cluster.etcd(), endpoints, cluster.timeouts().connect());
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
        Future<List<PatroniMapping.Key>> keys = etcd == null ? null : FirstAnswer.submit(this::keys);
        JsonNode rest = null;
        String restError = null;
        try {
            rest = restCluster();
        } catch (ProbeException e) {
            restError = e.getMessage();
        }
        List<PatroniMapping.Key> k = null;
        String etcdError = null;
        if (keys != null) {
            try {
                k = keys.get(timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                keys.cancel(true);
                etcdError = io.hadeck.probe.Failures.describe(e, timeout());
            }
        }
        if (rest == null && k == null) {
            throw new ProbeException("Patroni: " + restError + (etcdError == null ? "" : "; etcd: " + etcdError));
        }
        return PatroniMapping.state(rest, k, observedSince(k));
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

    private JsonNode restCluster() throws InterruptedException {
        List<Callable<JsonNode>> asks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (NodeConfig n : cluster.nodes()) {
            if (n.patroni() != null) {
                asks.add(() -> get(n.patroni()));
                labels.add(n.name());
            }
        }
        return FirstAnswer.of(asks, labels, timeout(), "Patroni");
    }

    private JsonNode get(String base) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/cluster"))
                .timeout(timeout()).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401) {
            throw new ProbeException("authentication failed");
        }
        if (r.statusCode() != 200) {
            throw new ProbeException("HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private List<PatroniMapping.Key> keys() throws Exception {
        List<KeyValue> kvs = etcd.getKVClient().get(EtcdClients.bytes(prefix),
                        GetOption.newBuilder().isPrefix(true).build())
                .get(timeout().toMillis(), TimeUnit.MILLISECONDS).getKvs();
        return kvs.stream().map(kv -> new PatroniMapping.Key(EtcdClients.text(kv.getKey()).substring(prefix.length()),
                EtcdClients.text(kv.getValue()), kv.getCreateRevision(), kv.getLease())).toList();
    }

    @Override
    public void close() {
        if (etcd != null) {
            etcd.close();
        }
    }
}
