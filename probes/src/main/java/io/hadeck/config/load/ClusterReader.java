package io.hadeck.config.load;

import io.hadeck.model.HaManagerKind;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.KeepalivedConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.config.Tls;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One {@code clusters:} entry: its sections, defaults for what is left out, and its nodes. */
public final class ClusterReader {

    static final ClusterConfig.Poll DEFAULT_POLL = new ClusterConfig.Poll(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));
    static final ClusterConfig.Timeouts DEFAULT_TIMEOUTS = new ClusterConfig.Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(3));

    private final Problems problems;
    private final ClusterConfig.Audit fileAudit;
    private final ActionSettings actions;

    public ClusterReader(Problems problems) {
        this(problems, ClusterConfig.Audit.defaults());
    }

    /** @param fileAudit the file-level {@code audit:}, used by clusters without their own */
    public ClusterReader(Problems problems, ClusterConfig.Audit fileAudit) {
        this.problems = problems;
        this.fileAudit = fileAudit;
        this.actions = new ActionSettings(problems, System.getProperty("user.home", "."));
    }

    /** The file-level {@code audit:} section of {@code top}, else the default. */
    public static ClusterConfig.Audit fileAudit(Problems problems, YamlMap top) {
        return new ActionSettings(problems, System.getProperty("user.home", ".")).audit(top, ClusterConfig.Audit.defaults());
    }

    public ClusterConfig read(Node node, int index) {
        YamlMap c = YamlMap.of(problems, "clusters[" + index + "]", node, "name", "manager", "readOnly", "etcd",
                "patroni", "postgres", "elasticsearch", "ssh", "poll", "timeouts", "thresholds", "nodes", "audit", "chefBackend", "insecure");
        if (c == null) {
            return null;
        }
        String name = c.has("name") ? c.name("name") : c.required("name");
        String label = name == null ? "clusters[" + index + "]" : "cluster " + name;
        HaManagerKind manager = HaManagerKind.of(c.oneOf("manager", c.has("patroni") ? "patroni" : "none", HaManagerKind.words()))
                .orElseThrow();
        ClusterConfig.Etcd etcd = etcd(c.map("etcd", "endpoints", "username", "password", "tls"));
        YamlMap p = c.map("patroni", "scope", "namespace", "username", "password", "tls", "configPath");
        ClusterConfig.Patroni patroni = p == null ? null : new ClusterConfig.Patroni(or(p.string("scope"), name),
                or(p.string("namespace"), "/service/"), p.string("username"), p.secret("password"), tls(p),
                actions.patroniConfigPath(p));
        YamlMap pg = c.map("postgres", "database", "user", "password", "sslmode", "tls", "log");
        Tls pgTls = pg == null ? null : tls(pg);   // a CA named: the server's certificate and name are checked
        ClusterConfig.Postgres postgres = pg == null ? null : new ClusterConfig.Postgres(
                or(pg.string("database"), "postgres"), pg.string("user"),
                pg.secret("password"),
                pg.oneOf("sslmode", pgTls != null && pgTls.ca() != null ? "verify-full" : "prefer", "disable", "allow",
                        "prefer", "require", "verify-ca", "verify-full"), pgTls, actions.postgresLog(pg));
        YamlMap es = c.map("elasticsearch", "username", "password", "tls");
        ClusterConfig.Elasticsearch elasticsearch = es == null ? null
                : new ClusterConfig.Elasticsearch(es.string("username"), es.secret("password"), tls(es));
        YamlMap s = c.map("ssh", "user", "port", "identity", "knownHosts", "connectTimeout", "options");
        ClusterConfig.Ssh ssh = s == null ? new ClusterConfig.Ssh(null, 22, null, null, Duration.ofSeconds(5), List.of())
                : new ClusterConfig.Ssh(s.user("user"), s.port("port", 22), s.string("identity"), s.string("knownHosts"),
                s.duration("connectTimeout", Duration.ofSeconds(5)), s.sshOptions("options"));
        ClusterConfig.Poll poll = poll(c.map("poll", "etcd", "postgres", "patroni", "elasticsearch", "drbd"));
        YamlMap t = c.map("timeouts", "connect", "read");
        ClusterConfig.Timeouts timeouts = t == null ? DEFAULT_TIMEOUTS : new ClusterConfig.Timeouts(
                t.duration("connect", DEFAULT_TIMEOUTS.connect()), t.duration("read", DEFAULT_TIMEOUTS.read()));
        ClusterConfig.Thresholds thresholds = thresholds(c.map("thresholds", "lagWarn", "lagCrit", "lagWarnTime",
                "lagCritTime", "stale"));
        List<NodeConfig> nodes = nodes(c, label);
        if (name == null) {
            return null;
        }
        ClusterConfig.Audit audit = actions.audit(c, fileAudit);
        ClusterConfig.ChefBackend chefBackend = actions.chefBackend(c);
        return new ClusterConfig(name, manager, c.bool("readOnly", false), etcd, patroni, postgres, elasticsearch, ssh,
                poll, timeouts, thresholds, nodes, audit, chefBackend, c.bool("insecure", false));
    }

    private static String or(String value, String def) {
        return value != null ? value : def;
    }

    private ClusterConfig.Etcd etcd(YamlMap e) {
        if (e == null) {
            return null;
        }
        List<String> endpoints = e.urls("endpoints");
        if (!e.has("endpoints")) {
            problems.at(e.node(), e.where("endpoints") + " is required: the etcd client URLs");
        }
        return new ClusterConfig.Etcd(endpoints, e.string("username"), e.secret("password"), tls(e));
    }

    private Tls tls(YamlMap parent) {
        YamlMap t = parent.map("tls", "ca", "cert", "key");
        return t == null ? null : new Tls(t.string("ca"), t.string("cert"), t.string("key"));
    }

    private static ClusterConfig.Poll poll(YamlMap p) {
        ClusterConfig.Poll d = DEFAULT_POLL;
        return p == null ? d : new ClusterConfig.Poll(p.duration("etcd", d.etcd()), p.duration("postgres", d.postgres()),
                p.duration("patroni", d.patroni()), p.duration("elasticsearch", d.elasticsearch()),
                p.duration("drbd", d.drbd()));
    }

    private ClusterConfig.Thresholds thresholds(YamlMap t) {
        ClusterConfig.Thresholds d = ClusterConfig.Thresholds.defaults();
        if (t == null) {
            return d;
        }
        ClusterConfig.Thresholds r = new ClusterConfig.Thresholds(t.size("lagWarn", d.lagWarnBytes()),
                t.size("lagCrit", d.lagCritBytes()), t.duration("lagWarnTime", d.lagWarnTime()),
                t.duration("lagCritTime", d.lagCritTime()), t.duration("stale", d.stale()));
        if (r.lagWarnBytes() > r.lagCritBytes()) {
            problems.at(t.node(), t.where("lagWarn") + " is larger than lagCrit");
        }
        if (r.lagWarnTime().compareTo(r.lagCritTime()) > 0) {
            problems.at(t.node(), t.where("lagWarnTime") + " is longer than lagCritTime");
        }
        return r;
    }

    private List<NodeConfig> nodes(YamlMap c, String label) {
        Node n = c.raw("nodes");
        if (n == null) {
            problems.at(c.node(), label + " needs 'nodes' (a list of name/host/endpoints)");
            return List.of();
        }
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.at(n, label + ": nodes must be a non-empty list");
            return List.of();
        }
        List<NodeConfig> out = new ArrayList<>();
        List<Node> peerNodes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            NodeConfig nc = node(item, label + " nodes[" + i + "]");
            if (nc == null) {
                continue;
            }
            if (!names.add(nc.name())) {
                problems.at(item, label + ": node name '" + nc.name() + "' is used twice; node names must be unique");
                continue;
            }
            out.add(nc);
            peerNodes.add(item);
        }
        for (int i = 0; i < out.size(); i++) {
            String peer = out.get(i).peer();
            if (peer != null && (!names.contains(peer) || peer.equals(out.get(i).name()))) {
                problems.at(peerNodes.get(i), "node " + out.get(i).name() + ": peer '" + peer
                        + "' is not another node of " + label);
            }
        }
        return out;
    }

    private NodeConfig node(Node item, String where) {
        YamlMap m = YamlMap.of(problems, where, item, "name", "host", "etcd", "postgres", "patroni", "elasticsearch",
                "ssh", "drbd", "peer", "keepalived");
        if (m == null) {
            return null;
        }
        String name = m.has("name") ? m.name("name") : m.required("name");
        String label = name == null ? where : "node " + name;
        String etcd = m.url("etcd");
        String postgres = m.hostPort("postgres");
        String patroni = m.url("patroni");
        String es = m.url("elasticsearch");
        YamlMap ssh = m.map("ssh", "user");
        YamlMap drbd = m.map("drbd", "resources", "via");
        List<String> resources = drbd == null ? List.of() : drbd.names("resources");
        if (drbd != null && drbd.strings("resources").isEmpty()) {
            problems.at(drbd.node(), label + ": drbd.resources must name at least one resource");
        }
        String via = drbd == null ? null : drbd.oneOf("via", "ssh", "ssh", "local");
        String host = m.host("host");
        String sshUser = ssh == null ? null : ssh.user("user");
        String peer = m.name("peer");
        KeepalivedConfig keepalived = keepalived(m, label, drbd != null);
        if (host == null) {
            host = hostOf(postgres, etcd, patroni, es);
        }
        if (name == null) {
            return null;
        }
        boolean endpointRefused = (m.has("postgres") && postgres == null) || (m.has("etcd") && etcd == null)
                || (m.has("patroni") && patroni == null) || (m.has("elasticsearch") && es == null);
        if (host == null && !m.has("host") && !endpointRefused) {
            problems.at(item, label + " needs 'host' (no endpoint to take it from)");
            return null;
        }
        if (host == null) {
            return null;
        }
        return new NodeConfig(name, host, etcd, postgres, patroni, es, resources, via,
                sshUser, peer, keepalived);
    }

    /** keepalived: {vip, mount, services}: only on a DRBD node, which owns its pair when it holds all of them. */
    private KeepalivedConfig keepalived(YamlMap m, String label, boolean runsDrbd) {
        YamlMap k = m.map("keepalived", "vip", "mount", "services");
        if (k == null) {
            return null;
        }
        if (!runsDrbd) {
            problems.at(k.node(), label + ": keepalived is read on DRBD pair nodes only (add drbd: and peer:)");
        }
        String vip = k.host("vip");
        if (!k.has("vip")) {
            problems.at(k.node(), label + ": keepalived.vip is required (the virtual IP address)");
        }
        return vip == null ? null : new KeepalivedConfig(vip, k.string("mount"), k.names("services"));
    }

    /** A node without host: takes the host of its first endpoint. */
    private static String hostOf(String postgres, String... urls) {
        if (postgres != null) {
            return postgres.substring(0, postgres.lastIndexOf(':')).replace("[", "").replace("]", "");
        }
        for (String u : urls) {
            if (u != null) {
                return URI.create(u).getHost();
            }
        }
        return null;
    }
}
