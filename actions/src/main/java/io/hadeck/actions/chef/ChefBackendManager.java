package io.hadeck.actions.chef;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.ha.Call;
import io.hadeck.actions.ha.HaManager;
import io.hadeck.actions.remote.RemoteShell;
import io.hadeck.actions.remote.ShellResult;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chef Backend (leaderl) through {@code chef-backend-ctl} run on a node over ssh.
 *
 * <p>Documented (Chef Backend docs, seeds 000/001, LAB-NOTES): the verbs promote, demote,
 * force-leader, set-cluster-failover, set-node-failover and cluster-status --json exist; promote and
 * demote exit non-zero when failover is disabled or on timeout; force-leader exits non-zero when a
 * leader exists and acts on the node it runs on. ASSUMED (syntax pages not in the seeds): promote
 * takes the node name, set-cluster-failover takes on|off, set-node-failover takes NODE on|off,
 * demote acts on the node it runs on. Chef Backend's state (cluster-status --json) is read by
 * probes' ChefBackendReader into the snapshot, like every other reading: runbooks decide on that.
 */
public final class ChefBackendManager implements HaManager {
    private final ClusterConfig cluster;
    private final RemoteShell shell;
    private final List<String> ctl;
    private final Duration timeout;

    /** @param ctl the command to run, normally {@code ["chef-backend-ctl"]} (tests: a stand-in) */
    public ChefBackendManager(ClusterConfig cluster, RemoteShell shell, List<String> ctl) {
        this.cluster = cluster;
        this.shell = shell;
        this.ctl = List.copyOf(ctl);
        this.timeout = Duration.ofSeconds(120); // promote waits for leaderl, whose leader TTL is 30 s
    }

    @Override
    public String name() {
        return "chef-backend";
    }

    @Override
    public Call switchover(String from, String to) {
        return run(to, "promote", to);
    }

    /** chef-backend-ctl demote, on the leader: it steps down and leaderl elects another node. */
    public Call demote(String leader) {
        return run(leader, "demote");
    }

    @Override
    public Call failover(String to) {
        return run(to, "force-leader");
    }

    @Override
    public Call setClusterFailover(boolean enabled) {
        return run(firstNode(), "set-cluster-failover", enabled ? "on" : "off");
    }

    @Override
    public Call setNodeFailover(String node, boolean allowed) {
        return run(node, "set-node-failover", node, allowed ? "on" : "off");
    }

    @Override
    public String howToEnableClusterFailover() {
        return "hadeck set-cluster-failover on (chef-backend-ctl set-cluster-failover on)";
    }

    private Call run(String node, String... args) {
        NodeConfig n = cluster.node(node).orElseThrow(() -> new ActionException("no node named " + node + " in cluster "
                + cluster.name()));
        List<String> argv = argv(args);
        return new Call(shell.describe(n, argv), () -> {
            ShellResult r = shell.run(n, argv, timeout);
            if (!r.ok()) {
                throw new ActionException("chef-backend-ctl " + String.join(" ", args) + " on " + node + " failed (exit "
                        + r.exitCode() + "): " + r.firstLine());
            }
            return r.stdout().strip().isEmpty() ? "ok" : r.firstLine();
        });
    }

    private List<String> argv(String... args) {
        List<String> a = new ArrayList<>(ctl);
        a.addAll(List.of(args));
        return a;
    }

    private List<NodeConfig> backendNodes() {
        return cluster.nodes().stream().filter(n -> !n.runsDrbd()).toList();
    }

    private String firstNode() {
        return backendNodes().stream().findFirst().map(NodeConfig::name)
                .orElseThrow(() -> new ActionException("cluster " + cluster.name() + " has no Chef Backend node"));
    }
}
