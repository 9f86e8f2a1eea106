package io.hadeck.probe.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.HttpJson;
import io.hadeck.probe.Probe;
import io.hadeck.probe.TlsContexts;

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
 * {@link FirstAnswer} (a few at once, more when they fail or are slow), each request to one node
 * with short timeouts (a node that accepts and never answers costs only its own request); the first
 * node to answer wins and is asked first next time. Two GETs of JSON, on the readers' one HTTP
 * client: the same answers on Elasticsearch 7, 8 and 9 and OpenSearch.
 */
public class ElasticsearchReader extends Probe<ElasticsearchReader.EsReading> {

    static final String CAT_NODES = "/_cat/nodes?format=json&h=name,ip,node.role,master,heap.percent,disk.used_percent,version";

    /** The cluster's health and which configured node answered. */
    public record EsReading(EsClusterHealth health, String answeredBy) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Node name → URL, in configuration order. */
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final HttpJson http;
    private volatile String lastAnswered;

    public ElasticsearchReader(ClusterConfig cluster, Clock clock) {
        super(cluster.timeouts().read(), clock);
        for (NodeConfig n : cluster.nodes()) {
            if (n.elasticsearch() != null) {
                urls.put(n.name(), n.elasticsearch());
            }
        }
        ClusterConfig.Elasticsearch es = cluster.elasticsearch();
        boolean https = urls.values().stream().anyMatch(u -> u.startsWith("https:"));
        this.http = new HttpJson(cluster.timeouts().connect(), es == null ? null : es.basicAuthorization().orElse(null),
                https ? TlsContexts.of(es == null ? null : es.tls()).getSocketFactory() : null);
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
        String base = urls.get(node).replaceAll("/+$", "");
        JsonNode health = JSON.readTree(http.get(base + "/_cluster/health", budget()));
        JsonNode cat = JSON.readTree(http.get(base + CAT_NODES, budget()));
        return new EsReading(EsMapping.health(node, health, cat), node);
    }
}
