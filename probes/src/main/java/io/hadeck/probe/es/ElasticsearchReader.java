package io.hadeck.probe.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.probe.ClientsOnDemand;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.Probe;
import io.hadeck.probe.TlsContexts;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Elasticsearch cluster health and node list, asked of the configured nodes through
 * {@link FirstAnswer} (a few at once, more when they fail or are slow) with one low-level REST
 * client per node (a node that accepts and never answers would otherwise hold the request for the
 * whole socket timeout); the first node to answer wins and is asked first next time. Clients are
 * built on first use, so a 300-node fleet builds the handful it asks, not 300.
 */
public class ElasticsearchReader extends Probe<ElasticsearchReader.EsReading> implements AutoCloseable {

    static final String CAT_NODES = "/_cat/nodes?format=json&h=name,ip,node.role,master,heap.percent,disk.used_percent,version";

    /** The cluster's health and which configured node answered. */
    public record EsReading(EsClusterHealth health, String answeredBy) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ClusterConfig cluster;
    /** Node name → URL, in configuration order. */
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final ClientsOnDemand<RestClient> clients = new ClientsOnDemand<>(node -> client(urls.get(node)));
    private volatile String lastAnswered;

    public ElasticsearchReader(ClusterConfig cluster, Clock clock) {
        super(cluster.timeouts().read(), clock);
        this.cluster = cluster;
        for (NodeConfig n : cluster.nodes()) {
            if (n.elasticsearch() != null) {
                urls.put(n.name(), n.elasticsearch());
            }
        }
    }

    private RestClient client(String url) {
        int connectMs = (int) cluster.timeouts().connect().toMillis();
        int socketMs = (int) timeout().toMillis();
        RestClientBuilder b = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(connectMs).setSocketTimeout(socketMs)
                        .setConnectionRequestTimeout(connectMs));
        ClusterConfig.Elasticsearch es = cluster.elasticsearch();
        b.setHttpClientConfigCallback(hc -> {
            hc.setMaxConnTotal(2).setMaxConnPerRoute(2);
            if (es != null && es.username() != null && es.password() != null) {
                BasicCredentialsProvider creds = new BasicCredentialsProvider();
                creds.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(es.username(), es.password().reveal()));
                hc.setDefaultCredentialsProvider(creds);
            }
            if (url.startsWith("https:")) {
                hc.setSSLContext(TlsContexts.of(es == null ? null : es.tls()));
            }
            return hc;
        });
        return b.build();
    }

    @Override
    protected EsReading fetch() throws Exception {
        List<String> order = FirstAnswer.lastWinnerFirst(List.copyOf(urls.keySet()), lastAnswered);
        List<Callable<EsReading>> asks = new ArrayList<>();
        order.forEach(node -> asks.add(() -> ask(node)));
        EsReading r = FirstAnswer.of(asks, order, budget(), "Elasticsearch");
        lastAnswered = r.answeredBy();
        return r;
    }

    private EsReading ask(String node) throws IOException {
        RestClient client = clients.get(node);
        JsonNode health = get(client, "/_cluster/health");
        JsonNode cat = get(client, CAT_NODES);
        return new EsReading(EsMapping.health(node, health, cat), node);
    }

    /** A reply larger than this is refused by the client while it is read, not after it filled the heap. */
    private static final org.elasticsearch.client.RequestOptions CAPPED = org.elasticsearch.client.RequestOptions.DEFAULT
            .toBuilder().setHttpAsyncResponseConsumerFactory(new org.elasticsearch.client.HttpAsyncResponseConsumerFactory
                    .HeapBufferedResponseConsumerFactory(8 << 20)).build();

    private static JsonNode get(RestClient client, String path) throws IOException {
        Request request = new Request("GET", path);
        request.setOptions(CAPPED);
        Response r = client.performRequest(request);
        return JSON.readTree(r.getEntity().getContent());
    }

    @Override
    public void close() {
        clients.close();
    }
}
