package io.hadeck.watch;

import io.hadeck.model.HaManagerKind;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.EsNode;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;
import io.hadeck.model.Observation;
import io.hadeck.probe.chef.ChefBackendReader;
import io.hadeck.probe.chef.ChefNodeReader;
import io.hadeck.probe.drbd.DrbdReader;
import io.hadeck.probe.es.ElasticsearchReader;
import io.hadeck.probe.es.EsMapping;
import io.hadeck.probe.etcd.EtcdGateway;
import io.hadeck.probe.etcd.EtcdReader;
import io.hadeck.probe.pair.PairReader;
import io.hadeck.probe.etcd.SharedEtcdClient;
import io.hadeck.probe.patroni.PatroniReader;
import io.hadeck.probe.pg.PgConnections;
import io.hadeck.probe.pg.PostgresReader;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sources of one cluster, from its configuration, and how each reading lands in the
 * {@link Readings}: cluster-wide readers (etcd, Elasticsearch, the HA manager) also fill the
 * per-node layer of every node they describe.
 */
final class Sources {
    /** How often the Chef Backend seeds' checks run on each backend node. */
    static final Duration CHEF_CHECKS_EVERY = Duration.ofSeconds(5);

    private Sources() {
    }

    /**
     * Clients the readers of one cluster share; whoever runs the sources closes them after the readers.
     * The readers ask etcd through its JSON gateway; the gRPC client is for the console's key watch
     * only, and built when that watch starts.
     */
    record Shared(PgConnections pg, EtcdGateway etcd, SharedEtcdClient watch) implements AutoCloseable {
        static Shared of(ClusterConfig cfg) {
            return new Shared(new PgConnections(true),
                    EtcdGateway.of(cfg),
                    new SharedEtcdClient(cfg));
        }

        @Override
        public void close() {
            pg.close();
            watch.close();
        }
    }

    /** @param explain the watcher explains a standby's lag in the background; a one-shot sweep within its read */
    static List<Source<?>> of(ClusterConfig cfg, Clock clock, Shared shared, PostgresReader.Explain explain) {
        PgConnections pg = shared.pg();
        List<Source<?>> out = new ArrayList<>();
        ClusterConfig.Poll poll = cfg.poll();
        if (cfg.etcd() != null && !cfg.etcd().endpoints().isEmpty()) {
            out.add(new Source<>("etcd", every(poll == null ? null : poll.etcd()), false, new EtcdReader(cfg, clock, shared.etcd()),
                    Sources::applyEtcd));
        }
        for (NodeConfig n : cfg.nodes()) {
            if (n.postgres() != null) {
                // Nodes naming the same server share its few connections: one lane per server.
                out.add(new Source<>("postgres " + n.name(), "postgres " + n.postgres(), PgConnections.PER_SERVER,
                        every(poll == null ? null : poll.postgres()), true,
                        new PostgresReader(cfg, n, pg, explain, clock), (r, o) -> r.node(n.name(), v -> v.withPostgres(o))));
            }
        }
        if (cfg.nodes().stream().anyMatch(n -> n.elasticsearch() != null)) {
            out.add(new Source<>("elasticsearch", every(poll == null ? null : poll.elasticsearch()), false,
                    new ElasticsearchReader(cfg, clock), (r, o) -> applyEs(cfg, r, o)));
        }
        SshRunner ssh = new SshRunner();
        for (NodeConfig n : cfg.nodes()) {
            if (n.runsDrbd()) {
                out.add(new Source<>("drbd " + n.name(), every(poll == null ? null : poll.drbd()), false,
                        new DrbdReader(NodeTarget.of(cfg, n), ssh, cfg.timeouts().read(), clock),
                        (r, o) -> r.node(n.name(), v -> v.withDrbd(o))));
            }
            if (n.runsKeepalived()) {
                out.add(new Source<>("pair " + n.name(), every(poll == null ? null : poll.drbd()), false,
                        new PairReader(NodeTarget.of(cfg, n), ssh, n, cfg.timeouts().read(), clock),
                        (r, o) -> r.node(n.name(), v -> v.withPair(o))));
            }
        }
        Duration haEvery = every(poll == null ? null : poll.patroni());
        if (cfg.manager() == HaManagerKind.PATRONI) {
            out.add(new Source<>("patroni", haEvery, true, new PatroniReader(cfg, clock, shared.etcd()), (r, o) -> applyHa(cfg, r, o)));
        } else if (cfg.manager() == HaManagerKind.CHEF_BACKEND) {
            out.add(new Source<>("chef-backend", haEvery, true, new ChefBackendReader(cfg, ssh, clock),
                    (r, o) -> applyHa(cfg, r, o)));
            for (NodeConfig n : cfg.nodes()) {
                if (!n.runsDrbd()) {
                    // an ssh login and a dozen TCP connects on the node: not every second
                    out.add(new Source<>("chef " + n.name(), CHEF_CHECKS_EVERY, false, new ChefNodeReader(cfg, n, ssh, clock),
                            (r, o) -> r.node(n.name(), v -> v.withChef(o))));
                }
            }
        }
        return out;
    }

    static Duration every(Duration d) {
        return d == null || d.isZero() || d.isNegative() ? Duration.ofSeconds(1) : d;
    }

    private static void applyEtcd(Readings r, Observation<EtcdReader.EtcdReading> o) {
        r.etcd(o.isOk() ? Observation.ok(o.value().cluster(), o.readAt(), o.took())
                : Observation.failed(o.error(), o.readAt(), o.took()));
        for (String node : r.nodeNames()) {
            r.node(node, v -> {
                if (o.isOk()) {
                    var m = o.value().members().get(node);
                    return m == null ? v : v.withEtcd(m);
                }
                // The whole read failed: every node that runs etcd shows why.
                return v.etcd() == null ? v : v.withEtcd(Observation.failed(o.error(), o.readAt(), o.took()));
            });
        }
    }

    private static void applyEs(ClusterConfig cfg, Readings r, Observation<ElasticsearchReader.EsReading> o) {
        r.es(o.isOk() ? Observation.ok(o.value().health(), o.readAt(), o.took())
                : Observation.failed(o.error(), o.readAt(), o.took()));
        for (NodeConfig n : cfg.nodes()) {
            if (n.elasticsearch() == null) {
                continue;
            }
            Observation<EsNode> node;
            if (!o.isOk()) {
                node = Observation.failed(o.error(), o.readAt(), o.took());
            } else {
                Optional<EsNode> es = EsMapping.match(n, o.value().health().nodeList());
                node = es.map(e -> Observation.ok(e, o.readAt(), o.took())).orElseGet(() -> Observation.failed(
                        "not in the cluster's node list (asked " + o.value().answeredBy() + ")", o.readAt(), o.took()));
            }
            r.node(n.name(), v -> v.withElasticsearch(node));
        }
    }

    private static void applyHa(ClusterConfig cfg, Readings r, Observation<HaState> o) {
        r.ha(o);
        for (NodeConfig n : cfg.nodes()) {
            if (n.runsDrbd() && n.postgres() == null) {
                continue;   // DRBD pairs are not members of the HA manager
            }
            Observation<HaMember> m = !o.isOk() ? Observation.failed(o.error(), o.readAt(), o.took())
                    : o.value().member(n.name()).map(x -> Observation.ok(x, o.readAt(), o.took()))
                    .orElseGet(() -> Observation.failed("not a member of the " + o.value().manager() + " cluster",
                            o.readAt(), o.took()));
            r.node(n.name(), v -> v.withHa(m));
        }
    }
}
