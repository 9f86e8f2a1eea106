package io.hadeck.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One cluster of the configuration, validated and immutable. */
public record ClusterConfig(String name, String manager, boolean readOnly, Etcd etcd, Patroni patroni,
                            Postgres postgres, Elasticsearch elasticsearch, Ssh ssh, Poll poll,
                            Timeouts timeouts, Thresholds thresholds, List<NodeConfig> nodes) {

    public ClusterConfig {
        nodes = List.copyOf(nodes);
    }

    public Optional<NodeConfig> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public record Etcd(List<String> endpoints, String username, Secret password, Tls tls) {
        public Etcd {
            endpoints = List.copyOf(endpoints);
        }
    }

    public record Patroni(String scope, String namespace, String username, Secret password, Tls tls) {
    }

    public record Postgres(String database, String user, Secret password, String sslmode, Tls tls) {
    }

    public record Elasticsearch(String username, Secret password, Tls tls) {
    }

    public record Ssh(String user, int port, String identity, String knownHosts, Duration connectTimeout,
                      List<String> options) {
        public Ssh {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    public record Poll(Duration etcd, Duration postgres, Duration patroni, Duration elasticsearch, Duration drbd) {
    }

    public record Timeouts(Duration connect, Duration read) {
    }

    /** Lag limits in bytes and seconds; {@code stale}: a reading older than this is not current. */
    public record Thresholds(long lagWarnBytes, long lagCritBytes, Duration lagWarnTime, Duration lagCritTime,
                             Duration stale) {
        public static Thresholds defaults() {
            return new Thresholds(16L << 20, 256L << 20, Duration.ofSeconds(30), Duration.ofSeconds(300),
                    Duration.ofSeconds(10));
        }
    }
}
