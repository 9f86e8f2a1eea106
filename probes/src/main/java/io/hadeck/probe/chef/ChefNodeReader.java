package io.hadeck.probe.chef;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.CommandBatch;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' checks of one Chef Backend node, run ON that node over ssh (so the ports are those its
 * peers reach, not those hadeck's host reaches), all in one login ({@link CommandBatch}, as the DRBD
 * reader does): its clock ({@code date +%s.%N}, first and last), {@code chef-backend-ctl status},
 * {@code ip -o -4 addr show} (the backend VIP), the version manifest ({@code cat
 * /opt/chef-backend/version-manifest.json}, chefBackend.manifest), and a TCP connect to every peer's
 * required port (bash's /dev/tcp, 2 s each, in parallel). The clock was a login of its own: on a
 * loaded host each login (sshd's fork, the key exchange) costs more than the commands.
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

    static final List<String> DATE = List.of("date", "+%s.%N");
    static final List<String> IP = List.of("ip", "-o", "-4", "addr", "show");
    /** cat's complaint goes with the manifest's text: "not a version manifest: cat: …: No such file or directory". */
    static final String CAT = "cat -- \"$1\" 2>&1";
    /** Each "HOST PORT" word after the script is probed. */
    static final String PROBE = "for hp in \"$@\"; do set -- $hp; ( if timeout 2 bash -c 'exec 3<>/dev/tcp/$0/$1' \"$1\" \"$2\""
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

    /** The one login's commands: the clock, status, addresses, manifest, port probes, the clock again. */
    CommandBatch batch(List<ChefNodeChecks.Port> asked) {
        List<String> status = new ArrayList<>(cluster.chefBackend().ctl());
        status.add("status");
        List<String> probe = new ArrayList<>(List.of("sh", "-c", PROBE, "sh"));
        asked.forEach(p -> probe.add(p.host() + " " + p.port()));
        return new CommandBatch(List.of(DATE, status, IP, List.of("sh", "-c", CAT, "sh", manifest()), probe, DATE));
    }

    private String manifest() {
        return cluster.chefBackend().manifestOn(node.name());
    }

    @Override
    protected ChefNodeChecks fetch() {
        List<ChefNodeChecks.Port> asked = asked();
        CommandBatch batch = batch(asked);
        Instant before = now();
        SshRunner.Result run = ssh.run(NodeTarget.of(cluster, node), batch.argv(), budget());
        Instant after = now();
        List<CommandBatch.Answer> a;
        try {
            a = batch.split(run);
        } catch (ProbeException e) {   // the login failed or the shell died: say it for the checks as a whole
            throw new ProbeException(run.ok() ? "unexpected output of the checks on " + node.name() : run.failureText());
        }
        ClockReading clock = clockAgainstOurs(a.get(0), a.get(5), before, after);
        List<ChefNodeChecks.Service> services = ChefNodeText.services(a.get(1).stdout());
        String vip = cluster.chefBackend().vip();
        Boolean holds = vip == null || a.get(2).exitCode() != 0 ? null : ChefNodeText.holds(a.get(2).stdout(), vip);
        String v = null;
        String whyNot = null;
        try {
            v = ChefNodeText.version(a.get(3).stdout());
        } catch (ProbeException e) {
            whyNot = manifest() + ": " + e.getMessage();
        }
        return new ChefNodeChecks(services, ChefNodeText.leaderl(services), clock.offset(), clock.uncertainty(), holds,
                ChefNodeText.ports(a.get(4).stdout(), asked), v, whyNot);
    }

    /** The node's clock minus ours, and how far off that may be; both null when date failed there. */
    record ClockReading(Double offset, Double uncertainty) {
    }

    /**
     * The node read its clock first somewhere between {@code before} and {@code after} less what it
     * still did after that (its second reading says how long): take the middle, say how wide. The
     * window is the login's round trip, as wide as when the clock had a login of its own.
     */
    static ClockReading clockAgainstOurs(CommandBatch.Answer first, CommandBatch.Answer last, Instant before, Instant after) {
        if (first.exitCode() != 0) {
            return new ClockReading(null, null);
        }
        Instant remote = ChefNodeText.epoch(first.stdout());
        Duration window = Duration.between(before, after);
        if (last.exitCode() == 0) {
            Duration afterwards = Duration.between(remote, ChefNodeText.epoch(last.stdout()));
            if (!afterwards.isNegative() && afterwards.compareTo(window) <= 0) {
                window = window.minus(afterwards);
            }
        }
        double half = window.toNanos() / 2e9;
        return new ClockReading(Duration.between(before, remote).toNanos() / 1e9 - half, half);
    }
}
