package io.hadeck.findings;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.Severity;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * INSECURE_TRANSPORT: a password hadeck sends without verified TLS (PostgreSQL short of
 * verify-full, Basic auth over http to Patroni or Elasticsearch, etcd credentials over http), one
 * finding per layer naming its nodes. A pure function of the configuration, so {@code config check}
 * lists the same findings the screen shows; {@code insecure: true} on the cluster silences it.
 */
public final class InsecureTransportRules {
    private InsecureTransportRules() {
    }

    public static List<Finding> of(ClusterConfig c) {
        if (c.insecure()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        ClusterConfig.Postgres pg = c.postgres();
        if (pg != null && pg.password() != null && !"verify-full".equals(pg.sslmode())) {
            add(out, c, "PostgreSQL", NodeConfig::postgres, "sslmode=" + pg.sslmode() + " does not check the server's"
                    + " certificate and name", "name the CA (postgres.tls.ca) so hadeck uses sslmode verify-full");
        }
        ClusterConfig.Patroni pa = c.patroni();
        if (pa != null && pa.username() != null && pa.password() != null) {
            addHttp(out, c, "Patroni", NodeConfig::patroni);
        }
        ClusterConfig.Elasticsearch es = c.elasticsearch();
        if (es != null && es.username() != null && es.password() != null) {
            addHttp(out, c, "Elasticsearch", NodeConfig::elasticsearch);
        }
        ClusterConfig.Etcd etcd = c.etcd();
        if (etcd != null && etcd.username() != null && etcd.password() != null) {
            Set<String> nodes = new LinkedHashSet<>(nodesWithHttp(c, NodeConfig::etcd));
            for (String url : etcd.endpoints()) {
                if (url.startsWith("http:")) {
                    String host = URI.create(url).getHost();
                    c.nodes().stream().filter(n -> host.equals(n.host())).forEach(n -> nodes.add(n.name()));
                    if (c.nodes().stream().noneMatch(n -> host.equals(n.host()))) {
                        nodes.add(host);
                    }
                }
            }
            finding(out, "etcd", List.copyOf(nodes), "plain http");
        }
        return List.copyOf(out);
    }

    private static void addHttp(List<Finding> out, ClusterConfig c, String layer, Function<NodeConfig, String> url) {
        finding(out, layer, nodesWithHttp(c, url), "plain http");
    }

    private static void add(List<Finding> out, ClusterConfig c, String layer, Function<NodeConfig, String> endpoint,
                            String why, String fix) {
        List<String> nodes = c.nodes().stream().filter(n -> endpoint.apply(n) != null).map(NodeConfig::name).toList();
        if (!nodes.isEmpty()) {
            out.add(new Finding(Severity.WARN, FindingCode.INSECURE_TRANSPORT, nodes, layer + ": the password to " + String.join(", ", nodes)
                    + " is sent without verified TLS (" + why + ")", fix + ", or set insecure: true on a lab cluster"));
        }
    }

    private static List<String> nodesWithHttp(ClusterConfig c, Function<NodeConfig, String> url) {
        return c.nodes().stream().filter(n -> url.apply(n) != null && url.apply(n).startsWith("http:"))
                .map(NodeConfig::name).toList();
    }

    private static void finding(List<Finding> out, String layer, List<String> nodes, String how) {
        if (!nodes.isEmpty()) {
            out.add(new Finding(Severity.WARN, FindingCode.INSECURE_TRANSPORT, nodes, layer + ": the password to " + String.join(", ", nodes)
                    + " is sent over " + how + ", readable on the network",
                    "use https:// URLs (a tls: block names a private CA), or set insecure: true on a lab cluster"));
        }
    }
}
