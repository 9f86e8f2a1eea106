package io.hadeck.actions.remote;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The system {@code ssh} binary, never interactive: BatchMode, strict host key checking against the
 * configured known_hosts, the configured identity. The node's own ssh user overrides the cluster's.
 */
public final class SshShell implements RemoteShell {
    private final ClusterConfig.Ssh ssh;

    public SshShell(ClusterConfig.Ssh ssh) {
        this.ssh = ssh;
    }

    @Override
    public ShellResult run(NodeConfig node, List<String> argv, Duration timeout) {
        return ProcessRunner.run(command(node, argv), timeout);
    }

    @Override
    public String describe(NodeConfig node, List<String> argv) {
        return "ssh " + login(node) + " " + ShellQuote.join(argv);
    }

    List<String> command(NodeConfig node, List<String> argv) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "LogLevel=ERROR"));
        if (ssh.knownHosts() != null) {
            cmd.addAll(List.of("-o", "UserKnownHostsFile=" + ssh.knownHosts()));
        }
        if (ssh.connectTimeout() != null) {
            cmd.addAll(List.of("-o", "ConnectTimeout=" + Math.max(1, ssh.connectTimeout().toSeconds())));
        }
        if (ssh.identity() != null) {
            cmd.addAll(List.of("-o", "IdentitiesOnly=yes", "-i", ssh.identity()));
        }
        for (String o : ssh.options()) {
            cmd.addAll(List.of("-o", o));
        }
        if (ssh.port() > 0) {
            cmd.addAll(List.of("-p", Integer.toString(ssh.port())));
        }
        cmd.add(login(node));
        cmd.add("--");
        cmd.add(ShellQuote.join(argv));
        return cmd;
    }

    private String login(NodeConfig node) {
        String user = node.sshUser() != null ? node.sshUser() : ssh.user();
        return user == null ? node.host() : user + "@" + node.host();
    }
}
