package io.hadeck.journal;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.probe.HttpJson;
import io.hadeck.probe.TlsContexts;

import java.io.IOException;
import java.util.List;

/** Asks the cluster's Patroni nodes, one after the other, for {@code GET /history}. */
final class PatroniHistoryReader {
    private final ClusterConfig cluster;
    private HttpJson http;

    PatroniHistoryReader(ClusterConfig cluster) {
        this.cluster = cluster;
    }

    /** Whether the cluster has Patroni nodes to ask. */
    boolean applies() {
        return cluster.patroni() != null && cluster.nodes().stream().anyMatch(n -> n.patroni() != null);
    }

    /** The history of the first node that answers; IOException with the last failure when none does. */
    List<JournalEntry> read() throws IOException {
        IOException last = null;
        for (NodeConfig n : cluster.nodes()) {
            if (n.patroni() == null) {
                continue;
            }
            try {
                String body = http().get(n.patroni().replaceAll("/+$", "") + "/history", cluster.timeouts().read());
                return PatroniHistory.parse(cluster.name(), body);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IOException("no Patroni node configured");
    }

    private synchronized HttpJson http() {
        if (http == null) {
            ClusterConfig.Patroni p = cluster.patroni();
            boolean https = cluster.nodes().stream().anyMatch(n -> n.patroni() != null && n.patroni().startsWith("https:"));
            http = new HttpJson(cluster.timeouts().connect(), p.basicAuthorization().orElse(null),
                    https ? TlsContexts.of(p.tls()).getSocketFactory() : null);
        }
        return http;
    }
}
