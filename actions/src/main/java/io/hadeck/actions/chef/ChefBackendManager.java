package io.hadeck.actions.chef;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.ha.Call;
import io.hadeck.actions.ha.HaManager;
import io.hadeck.actions.ha.ManagerWords;
import io.hadeck.actions.remote.RemoteShell;
import io.hadeck.actions.remote.ShellResult;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chef Backend (leaderl) through {@code chef-backend-ctl} run on a node over ssh. Its state
 * ({@code cluster-status --json}) is read by probes' ChefBackendReader into the snapshot, like
 * every other reading: runbooks decide and verify on that, never on this class.
 *
 * <p>THE mapping of hadeck's moves to chef-backend-ctl, each with the line it comes from (the lab's
 * emulator, scripts/chef-backend-ctl-emulator, lists the same assumptions as M1-M12):
 * <ul>
 * <li>switchover(from, to) = {@code promote TO} run on TO. Seed 001 lists "promote"; LAB-NOTES
 * "promote/demote exit non-zero when failover is disabled or on timeout". ASSUMED: it takes the
 * node's name (the syntax page is only included by title in the seeds).
 * <li>demote(leader) = {@code demote} run on the leader; leaderl elects the next leader itself
 * (seed 001 lists "demote"; ASSUMED: no argument, acts on the node it runs on).
 * <li>failover(to) = {@code force-leader} run on TO (LAB-NOTES "force-leader exits non-zero when a
 * leader exists"; ASSUMED: acts on the node it runs on).
 * <li>setClusterFailover = {@code set-cluster-failover on|off} on the first backend node that
 * answers ssh (seed 004 "chef-backend-ctl set-cluster-failover off"; cluster-wide, so any node).
 * <li>setNodeFailover(node) = {@code set-node-failover on|off} run on that node (seed 001 lists
 * "set-node-failover"; ASSUMED: it acts on the node it runs on).
 * <li>upgrade(node) = {@code upgrade} run on that node, a follower (seed 004 Step 2 "Run the upgrade command
 * … The upgrade command will make any changes necessary to start the new service and verify that the
 * upgraded node has rejoined the cluster"). hadeck moves the leadership itself before upgrading the
 * old leader, so {@code upgrade --failover} (seed 004 Step 3) is never run.
 * <li>exit 255 is ssh's own failure (the node did not answer), any other non-zero exit is the tool's
 * refusal, reported with its first line.
 * </ul>
 */
public final class ChefBackendManager implements HaManager {
    private final ClusterConfig cluster;
    private final RemoteShell shell;
    private final List<String> ctl;
    private final Duration timeout;
    /** ssh's own exit status when it could not reach or log in to the node. */
    private static final int SSH_FAILED = 255;

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
    public ManagerWords words() {
        return ManagerWords.CHEF_BACKEND;
    }

    @Override
    public Call switchover(String from, String to) {
        return run(to, "promote", to);
    }

    /** chef-backend-ctl demote, on the leader: it steps down and leaderl elects another node. */
    @Override
    public Call demote(String leader, String candidate) {
        return run(leader, "demote");
    }

    @Override
    public boolean choosesDemoteTarget() {
        return true;
    }

    @Override
    public Call failover(String to) {
        return run(to, "force-leader");
    }

    @Override
    public Call setClusterFailover(boolean enabled) {
        List<String> argv = argv("set-cluster-failover", enabled ? "on" : "off");
        List<NodeConfig> nodes = backendNodes();
        if (nodes.isEmpty()) {
            throw new ActionException("cluster " + cluster.name() + " has no Chef Backend node");
        }
        return new Call(shell.describe(nodes.get(0), argv) + " (the next node if that one does not answer ssh)", () -> {
            List<String> unanswered = new ArrayList<>();
            for (NodeConfig n : nodes) {
                ShellResult r = shell.run(n, argv, timeout);
                if (r.exitCode() == SSH_FAILED) {
                    unanswered.add(n.name() + ": " + r.firstLine());
                    continue;
                }
                return answer(r, n.name(), argv);
            }
            throw new ActionException("no Chef Backend node answered ssh: " + String.join("; ", unanswered));
        });
    }

    @Override
    public Call setNodeFailover(String node, boolean allowed) {
        return run(node, "set-node-failover", allowed ? "on" : "off");
    }

    @Override
    public Call upgrade(String node) {
        return run(node, "upgrade");
    }

    @Override
    public String howToEnableClusterFailover() {
        return "hadeck set-cluster-failover on (chef-backend-ctl set-cluster-failover on)";
    }

    private Call run(String node, String... args) {
        NodeConfig n = cluster.node(node).orElseThrow(() -> new ActionException("no node named " + node + " in cluster "
                + cluster.name()));
        List<String> argv = argv(args);
        return new Call(shell.describe(n, argv), () -> answer(shell.run(n, argv, timeout), node, argv));
    }

    private String answer(ShellResult r, String node, List<String> argv) {
        String verb = "chef-backend-ctl " + String.join(" ", argv.subList(ctl.size(), argv.size()));
        if (!r.ok()) {
            throw new ActionException(verb + " on " + node + " failed (exit " + r.exitCode() + "): " + r.firstLine());
        }
        return r.stdout().strip().isEmpty() ? "ok" : r.stdout().strip().lines().reduce((a, b) -> b).orElse("ok");
    }

    private List<String> argv(String... args) {
        List<String> a = new ArrayList<>(ctl);
        a.addAll(List.of(args));
        return a;
    }

    private List<NodeConfig> backendNodes() {
        return cluster.nodes().stream().filter(n -> !n.runsDrbd()).toList();
    }

}
