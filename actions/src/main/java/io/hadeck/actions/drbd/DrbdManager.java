package io.hadeck.actions.drbd;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.ha.Call;
import io.hadeck.actions.remote.RemoteShell;
import io.hadeck.actions.remote.ShellResult;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * drbdadm on each node of a pair over ssh: the verbs of the Chef document and LINBIT's split-brain
 * procedure. It only acts: what the pair looks like is read by probes' DrbdReader, the same reading
 * the screen shows.
 */
public final class DrbdManager {
    private final ClusterConfig cluster;
    private final RemoteShell shell;
    private final Duration timeout;

    public DrbdManager(ClusterConfig cluster, RemoteShell shell) {
        this.cluster = cluster;
        this.shell = shell;
        this.timeout = Duration.ofSeconds(10);
    }

    /** {@code drbdadm VERB [FLAGS…] RESOURCE} on the node, e.g. verb("drbd-b", "pc0", "connect", "--discard-my-data"). */
    public Call verb(String node, String resource, String verb, String... flags) {
        NodeConfig n = cluster.node(node).orElseThrow(() -> new ActionException("no node named " + node + " in cluster "
                + cluster.name()));
        List<String> argv = new ArrayList<>(List.of("drbdadm", verb));
        argv.addAll(List.of(flags));
        argv.add(resource);
        return new Call(shell.describe(n, argv), () -> {
            ShellResult r = shell.run(n, argv, timeout);
            if (!r.ok()) {
                throw new ActionException(String.join(" ", argv) + " on " + node + " failed (exit " + r.exitCode() + "): "
                        + r.firstLine());
            }
            return r.stdout().strip().isEmpty() ? "ok" : r.stdout().strip().replace('\n', ' ');
        });
    }
}
