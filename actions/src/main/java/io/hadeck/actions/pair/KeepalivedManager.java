package io.hadeck.actions.pair;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.ha.Call;
import io.hadeck.actions.remote.RemoteShell;
import io.hadeck.actions.remote.ShellResult;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.List;

/**
 * keepalived on a legacy pair node, over ssh: {@code systemctl stop keepalived} (the seeds' graceful
 * handover, {@code chef-server-ctl stop keepalived}) and {@code systemctl start keepalived}. It only
 * acts: what the pair looks like is read by probes' PairReader, the reading the screen shows.
 */
public final class KeepalivedManager {
    /** systemctl returns once keepalived has stopped, its notify script's steps done (the lab's init waits for them). */
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    private final ClusterConfig cluster;
    private final RemoteShell shell;

    public KeepalivedManager(ClusterConfig cluster, RemoteShell shell) {
        this.cluster = cluster;
        this.shell = shell;
    }

    public Call stop(String node) {
        return systemctl(node, "stop");
    }

    public Call start(String node) {
        return systemctl(node, "start");
    }

    private Call systemctl(String node, String verb) {
        NodeConfig n = cluster.node(node).orElseThrow(() -> new ActionException("no node named " + node + " in cluster "
                + cluster.name()));
        List<String> argv = List.of("systemctl", verb, "keepalived");
        return new Call(shell.describe(n, argv), () -> {
            ShellResult r = shell.run(n, argv, TIMEOUT);
            if (!r.ok()) {
                throw new ActionException(String.join(" ", argv) + " on " + node + " failed (exit " + r.exitCode() + "): "
                        + r.firstLine());
            }
            return "ok";
        });
    }
}
