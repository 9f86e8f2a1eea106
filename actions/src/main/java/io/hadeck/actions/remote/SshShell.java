package io.hadeck.actions.remote;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.ShellQuote;

import java.time.Duration;
import java.util.List;

/**
 * The system {@code ssh} binary, never interactive: BatchMode, strict host key checking against the
 * configured known_hosts, the configured identity (all of it built by probes' SshRunner, which the
 * readers use too). The node's own ssh user overrides the cluster's.
 */
public final class SshShell implements RemoteShell {
    private final ClusterConfig.Ssh ssh;

    public SshShell(ClusterConfig.Ssh ssh) {
        this.ssh = ssh;
    }

    @Override
    public ShellResult run(NodeConfig node, List<String> argv, Duration timeout) {
        return ProcessRunner.run(NodeTarget.ssh(ssh, node), argv, timeout);
    }

    @Override
    public String describe(NodeConfig node, List<String> argv) {
        NodeTarget t = NodeTarget.ssh(ssh, node);
        return "ssh " + (t.user() == null ? t.host() : t.user() + "@" + t.host()) + " " + ShellQuote.join(argv);
    }
}
