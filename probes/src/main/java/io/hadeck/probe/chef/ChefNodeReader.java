package io.hadeck.probe.chef;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' checks of one Chef Backend node, run ON that node over ssh (so the ports are those its
 * peers reach, not those hadeck's host reaches): its clock ({@code date +%s.%N}, timed from here),
 * then one script: {@code chef-backend-ctl status}, {@code ip -o -4 addr show} (the backend VIP),
 * the version manifest ({@code cat /opt/chef-backend/version-manifest.json}, chefBackend.manifest), and a TCP connect to every peer's required port (bash's /dev/tcp, 2 s each, in parallel).
 */
public class ChefNodeReader extends Probe<ChefNodeChecks> {

    /** The ports backend nodes need between them: seed 000 "Peer communication, backend cluster" and "TCP 7331 (leaderl)". */
    public enum RequiredPort {
        ETCD(2379, "etcd"), ETCD_PEER(2380, "etcd peer"), POSTGRESQL(5432, "postgresql"), LEADERL(7331, "leaderl"),
        ELASTICSEARCH(9200, "elasticsearch"), ELASTICSEARCH_TRANSPORT(9300, "elasticsearch transport");

        public final int port;
        public final String service;

        RequiredPort(int port, String service) {
            this.port = port;
            this.service = service;
        }
    }

    /** $@ is chef-backend-ctl's command words; then each "HOST PORT" word is probed. */
    static final String SCRIPT = "\"$@\" status; echo @@ip; ip -o -4 addr show 2>&1; echo @@version; cat -- %s 2>&1;"
            + " echo; echo @@ports; ";
    static final String PROBE = "for hp in %s; do set -- $hp; ( if timeout 2 bash -c 'exec 3<>/dev/tcp/$0/$1' \"$1\" \"$2\""
            + " 2>/dev/null; then echo \"$1 $2 open\"; else echo \"$1 $2 closed\"; fi ) & done; wait";

    private final ClusterConfig cluster;
    private final NodeConfig node;
    private final SshRunner ssh;

    public ChefNodeReader(ClusterConfig cluster, NodeConfig node, SshRunner ssh, Clock clock) {
        super(cluster.timeouts().read(), clock);
        this.cluster = cluster;
        this.node = node;
        this.ssh = ssh;
    }

    /** Every peer's required port, in node then port order. */
    List<ChefNodeChecks.Port> asked() {
        List<ChefNodeChecks.Port> out = new ArrayList<>();
        for (NodeConfig peer : cluster.nodes()) {
            if (peer.runsDrbd() || peer.name().equals(node.name()) || peer.host() == null) {
                continue;
            }
            for (RequiredPort p : RequiredPort.values()) {
                out.add(new ChefNodeChecks.Port(peer.name(), peer.host(), p.port, p.service, false));
            }
        }
        return out;
    }

    List<String> command(List<ChefNodeChecks.Port> asked) {
        String words = String.join(" ", asked.stream().map(p -> "'" + p.host() + " " + p.port() + "'").toList());
        String script = String.format(SCRIPT, io.hadeck.probe.ssh.ShellQuote.quote(cluster.chefBackend().manifestOn(node.name())))
                + String.format(PROBE, words);
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(cluster.chefBackend().ctl());
        return argv;
    }

    @Override
    protected ChefNodeChecks fetch() {
        NodeTarget t = NodeTarget.of(cluster, node);
        Instant before = now();
        SshRunner.Result date = ssh.run(t, List.of("date", "+%s.%N"), timeout());
        Instant after = now();
        Double offset = null;
        Double uncertainty = null;
        if (date.ok()) {
            // the remote clock was read somewhere between before and after: take the middle, say how wide
            double half = Duration.between(before, after).toNanos() / 2e9;
            Instant remote = ChefNodeText.epoch(date.stdout());
            offset = Duration.between(before, remote).toNanos() / 1e9 - half;
            uncertainty = half;
        }
        List<ChefNodeChecks.Port> asked = asked();
        SshRunner.Result r = ssh.run(t, command(asked), budget());
        String out = r.stdout();
        int ip = out.indexOf("@@ip");
        int version = out.indexOf("@@version");
        int ports = out.indexOf("@@ports");
        if (ip < 0 || version < ip || ports < version) {
            throw new ProbeException(r.ok() ? "unexpected output of the checks on " + node.name() : r.failureText());
        }
        List<ChefNodeChecks.Service> services = ChefNodeText.services(out.substring(0, ip));
        String vip = cluster.chefBackend().vip();
        Boolean holds = vip == null ? null : ChefNodeText.holds(out.substring(ip, version), vip);
        String manifest = out.substring(version + "@@version".length(), ports);
        String v = null;
        String whyNot = null;
        try {
            v = ChefNodeText.version(manifest);
        } catch (ProbeException e) {
            whyNot = cluster.chefBackend().manifestOn(node.name()) + ": " + e.getMessage();
        }
        return new ChefNodeChecks(services, ChefNodeText.leaderl(services), offset, uncertainty, holds,
                ChefNodeText.ports(out.substring(ports), asked), v, whyNot);
    }
}
