package io.hadeck.probe.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.Secret;
import io.hadeck.config.Tls;
import io.hadeck.files.BoundedText;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Observation;
import io.hadeck.probe.Failures;
import io.hadeck.probe.HttpJson;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.TlsContexts;
import io.hadeck.probe.drbd.DrbdReader;
import io.hadeck.probe.etcd.EtcdGateway;
import io.hadeck.probe.etcd.EtcdMapping;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What `hadeck init` reads to find a cluster from one starting point, with the readers' own
 * clients: etcd's JSON gateway ({@link EtcdGateway}), Patroni's REST API ({@link HttpJson}), a
 * Patroni YAML, and a DRBD pair's nodes over ssh ({@link DrbdReader}). Read-only.
 */
public final class ClusterDiscovery {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration timeout;

    public ClusterDiscovery(Duration timeout) {
        this.timeout = timeout;
    }

    /** etcd credentials and TLS for the discovery reads; any part may be null. */
    public record EtcdAccess(String username, Secret password, Tls tls) {
        public static final EtcdAccess NONE = new EtcdAccess(null, null, null);
    }

    /**
     * Every Patroni cluster whose member keys are under {@code namespace} (all of etcd's keys under
     * "/" when null), with every etcd member's client URL.
     */
    public List<FoundCluster> fromEtcd(String endpoint, String namespace, EtcdAccess access) {
        ClusterConfig.Etcd etcd = new ClusterConfig.Etcd(List.of(endpoint), access.username(), access.password(),
                access.tls());
        EtcdGateway gateway = new EtcdGateway(etcd, List.of(endpoint), timeout);
        try {
            Set<String> endpoints = new java.util.TreeSet<>();   // sorted: the same cluster gives the same file
            gateway.members(endpoint, timeout).forEach(m -> endpoints.addAll(m.clientUrls()));
            if (endpoints.isEmpty()) {
                endpoints.add(EtcdMapping.trimSlash(endpoint));
            }
            String prefix = namespace == null ? "/" : namespace;
            List<FoundCluster> found = PatroniDiscovery.fromKeys(gateway.prefix(endpoint, prefix, true, timeout),
                    List.copyOf(endpoints));
            if (found.isEmpty()) {
                throw new ProbeException("etcd " + endpoint + " holds no Patroni member keys under " + prefix);
            }
            return found;
        } catch (IOException e) {
            throw new ProbeException("etcd " + endpoint + ": " + Failures.describe(e, timeout));
        }
    }

    /** The cluster one member's REST API describes ({@code GET /cluster}, scope from {@code GET /patroni}). */
    public FoundCluster fromPatroni(String url, String authorization, Tls tls, String namespace) {
        String base = EtcdMapping.trimSlash(url).replaceFirst("/(patroni|cluster)$", "");
        HttpJson http = new HttpJson(timeout, authorization,
                base.startsWith("https:") ? TlsContexts.of(tls).getSocketFactory() : null);
        try {
            JsonNode cluster = JSON.readTree(http.get(base + "/cluster", timeout));
            JsonNode patroni = JSON.readTree(http.get(base + "/patroni", timeout));
            return PatroniDiscovery.fromRest(cluster, patroni, namespace == null ? "/service/" : namespace);
        } catch (IOException e) {
            throw new ProbeException("Patroni " + base + ": " + Failures.describe(e, timeout));
        }
    }

    /**
     * A node's Patroni YAML: its etcd (every member of its scope), else its REST API, else the one
     * member it describes. {@code tried} collects why a richer source did not answer.
     */
    public FoundCluster fromPatroniYaml(Path file, EtcdAccess access, String authorization, Tls tls, List<String> tried) {
        PatroniYaml y;
        try {
            y = PatroniYaml.parse(BoundedText.read(file, BoundedText.CONFIG_LIMIT));
        } catch (ProbeException e) {
            throw new ProbeException(file + ": " + e.getMessage());
        } catch (BoundedText.Refused e) {
            throw new ProbeException(e.getMessage());
        } catch (IOException e) {
            throw new ProbeException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        for (String endpoint : y.etcdEndpoints()) {
            try {
                return fromEtcd(endpoint, y.namespace(), access).stream().filter(c -> c.scope().equals(y.scope()))
                        .findFirst().map(c -> c.withRestUser(y.restUser()))
                        .orElseThrow(() -> new ProbeException("etcd " + endpoint + ": no members of scope " + y.scope()));
            } catch (ProbeException e) {
                tried.add(e.getMessage());
            }
        }
        if (y.member().patroni() != null) {
            try {
                return fromPatroni(y.member().patroni(), authorization, tls, y.namespace())
                        .withEtcd(y.etcdEndpoints()).withRestUser(y.restUser());
            } catch (ProbeException e) {
                tried.add(e.getMessage());
            }
        }
        if (y.member().name() == null || y.member().host() == null) {
            throw new ProbeException(file + ": names no member (name:) or no address (restapi/postgresql connect_address)");
        }
        return new FoundCluster(y.scope(), y.namespace(), y.etcdEndpoints(), List.of(y.member()), y.restUser())
                .withEtcd(y.etcdEndpoints());
    }

    /** One node of a DRBD pair, read as the DRBD reader reads it (over ssh). */
    public Observation<DrbdStatus> drbd(NodeTarget target) {
        return new DrbdReader(target, new SshRunner(), timeout, Clock.systemUTC()).read();
    }

    /**
     * The resource names a node's DRBD knows: every resource of its configuration when the reading
     * brought {@code drbdadm dump} along (it does on a first reading), else the names the status
     * gives. DRBD 8.4's /proc/drbd numbers its devices without names: then {@code drbdadm
     * sh-resources} (8.4's utils), else {@code drbdadm status} (9's).
     */
    public List<String> resourceNames(NodeTarget target, DrbdStatus read) {
        if (read.config().read() && !read.config().resources().isEmpty()) {
            return read.config().resources().stream().map(io.hadeck.model.DrbdResourceConfig::name).toList();
        }
        List<String> named = read.resources().stream().map(r -> r.name()).filter(java.util.Objects::nonNull).toList();
        if (!named.isEmpty() && named.size() == read.resources().size()) {
            return named;
        }
        SshRunner ssh = new SshRunner();
        SshRunner.Result r = ssh.run(target, List.of("drbdadm", "sh-resources"), timeout);
        if (r.ok() && !r.stdout().isBlank()) {
            return List.of(r.stdout().strip().split("\\s+"));
        }
        r = ssh.run(target, List.of("drbdadm", "status"), timeout);
        if (!r.ok()) {
            throw new ProbeException("drbdadm status on " + target.node() + ": " + r.failureText());
        }
        return io.hadeck.parse.Drbd9StatusParser.parse(r.stdout()).resources().stream().map(x -> x.name())
                .filter(java.util.Objects::nonNull).toList();
    }
}
