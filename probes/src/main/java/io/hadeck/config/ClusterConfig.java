package io.hadeck.config;

import io.hadeck.model.HaManagerKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One cluster of the configuration, validated and immutable.
 *
 * @param audit       where guided actions are audited (the cluster's {@code audit:}, else the file's, else the default)
 * @param chefBackend how Chef Backend is driven on its nodes (manager chef-backend)
 * @param insecure    {@code insecure: true}: passwords sent without verified TLS are accepted
 *                    without an INSECURE_TRANSPORT finding (a lab on loopback)
 */
public record ClusterConfig(String name, HaManagerKind manager, boolean readOnly, Etcd etcd, Patroni patroni,
                            Postgres postgres, Elasticsearch elasticsearch, Ssh ssh, Poll poll,
                            Timeouts timeouts, Thresholds thresholds, List<NodeConfig> nodes, Audit audit,
                            ChefBackend chefBackend, boolean insecure) {

    public ClusterConfig {
        nodes = List.copyOf(nodes);
        audit = audit == null ? Audit.defaults() : audit;
        chefBackend = chefBackend == null ? ChefBackend.defaults() : chefBackend;
    }

    public ClusterConfig(String name, HaManagerKind manager, boolean readOnly, Etcd etcd, Patroni patroni, Postgres postgres,
                         Elasticsearch elasticsearch, Ssh ssh, Poll poll, Timeouts timeouts, Thresholds thresholds,
                         List<NodeConfig> nodes, Audit audit, ChefBackend chefBackend) {
        this(name, manager, readOnly, etcd, patroni, postgres, elasticsearch, ssh, poll, timeouts, thresholds, nodes,
                audit, chefBackend, false);
    }

    /** Without the action settings: the defaults (audit under $XDG_STATE_HOME, chef-backend-ctl). */
    public ClusterConfig(String name, HaManagerKind manager, boolean readOnly, Etcd etcd, Patroni patroni, Postgres postgres,
                         Elasticsearch elasticsearch, Ssh ssh, Poll poll, Timeouts timeouts, Thresholds thresholds,
                         List<NodeConfig> nodes) {
        this(name, manager, readOnly, etcd, patroni, postgres, elasticsearch, ssh, poll, timeouts, thresholds, nodes,
                null, null);
    }

    public Optional<NodeConfig> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public record Etcd(List<String> endpoints, String username, Secret password, Tls tls) {
        public Etcd {
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * @param configPath each node's Patroni YAML (where set-node-failover edits tags.nofailover);
     *                   {@code {node}} is replaced by the node's name
     */
    public record Patroni(String scope, String namespace, String username, Secret password, Tls tls,
                          String configPath) {
        public static final String DEFAULT_CONFIG_PATH = "/etc/patroni/patroni.yml";

        public Patroni {
            configPath = configPath == null ? DEFAULT_CONFIG_PATH : configPath;
        }

        public Patroni(String scope, String namespace, String username, Secret password, Tls tls) {
            this(scope, namespace, username, password, tls, null);
        }

        /** The Patroni YAML of one node. */
        public String configPathFor(String node) {
            return configPath.replace("{node}", node);
        }

        /** The REST API's Authorization header (HTTP Basic) when credentials are set; a secret, never logged. */
        public java.util.Optional<String> basicAuthorization() {
            return ClusterConfig.basicAuthorization(username, password);
        }
    }

    /** An HTTP Basic Authorization header value when both are set; a secret, never logged. */
    static java.util.Optional<String> basicAuthorization(String username, Secret password) {
        if (username == null || password == null) {
            return java.util.Optional.empty();
        }
        byte[] token = (username + ":" + password.reveal()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Optional.of("Basic " + java.util.Base64.getEncoder().encodeToString(token));
    }

    /** The JSON-lines audit log of guided actions. */
    public record Audit(java.nio.file.Path path) {
        public static Audit defaults() {
            return new Audit(defaultPath(System.getenv("XDG_STATE_HOME"), System.getProperty("user.home", ".")));
        }

        /** {@code $XDG_STATE_HOME/hadeck/audit.jsonl}, else {@code ~/.local/state/hadeck/audit.jsonl}. */
        public static java.nio.file.Path defaultPath(String xdgStateHome, String home) {
            java.nio.file.Path base = xdgStateHome != null && !xdgStateHome.isBlank() ? java.nio.file.Path.of(xdgStateHome)
                    : java.nio.file.Path.of(home, ".local", "state");
            return base.resolve("hadeck").resolve("audit.jsonl");
        }
    }

    /**
     * @param ctl      the chef-backend-ctl command line as run on a node (words), default {@code chef-backend-ctl}
     * @param vip      the backend VIP leaderl binds on the leader (seed 001 "vip"), null when not configured
     * @param manifest the chef-backend version manifest on each node ({@code {node}}: the node's name), default
     *                 {@link #MANIFEST} (seed 000 "Software Versions")
     */
    public record ChefBackend(List<String> ctl, String vip, String manifest) {
        /** Seed 000 "see the file located at /opt/chef-backend/version-manifest.json". */
        public static final String MANIFEST = "/opt/chef-backend/version-manifest.json";

        public ChefBackend {
            ctl = List.copyOf(ctl);
            manifest = manifest == null ? MANIFEST : manifest;
        }

        public ChefBackend(List<String> ctl, String vip) {
            this(ctl, vip, MANIFEST);
        }

        public ChefBackend(List<String> ctl) {
            this(ctl, null);
        }

        public static ChefBackend defaults() {
            return new ChefBackend(List.of("chef-backend-ctl"));
        }

        /** The manifest's path on {@code node}. */
        public String manifestOn(String node) {
            return manifest.replace("{node}", node);
        }
    }

    /**
     * @param log each node's PostgreSQL log, read over ssh (as the node's ssh user) for why a standby does not
     *            stream; {@code {node}} is replaced by the node's name, a glob picks the newest match; null: not read
     */
    public record Postgres(String database, String user, Secret password, String sslmode, Tls tls, String log) {
        public Postgres(String database, String user, Secret password, String sslmode, Tls tls) {
            this(database, user, password, sslmode, tls, null);
        }

        /** The PostgreSQL log of one node, when the config names it. */
        public java.util.Optional<String> logFor(String node) {
            return java.util.Optional.ofNullable(log).map(l -> l.replace("{node}", node));
        }
    }

    public record Elasticsearch(String username, Secret password, Tls tls) {
        /** The REST API's Authorization header (HTTP Basic) when credentials are set; a secret, never logged. */
        public java.util.Optional<String> basicAuthorization() {
            return ClusterConfig.basicAuthorization(username, password);
        }
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
