package io.hadeck.probe.ssh;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.List;

/**
 * Where and how to run a command on a node: locally, or through the system {@code ssh} binary.
 *
 * @param options extra {@code -o} options from the configuration (only {@link io.hadeck.config.SshOptions#ALLOWED}), e.g. {@code ServerAliveInterval=5}
 */
public record NodeTarget(String node, boolean local, String host, int port, String user, String identity,
                         String knownHosts, Duration connectTimeout, List<String> options) {

    public NodeTarget {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static NodeTarget local(String node) {
        return new NodeTarget(node, true, null, 0, null, null, null, Duration.ZERO, List.of());
    }

    /** The node's target from the configuration: {@code drbd.via: local} runs here, anything else over ssh. */
    public static NodeTarget of(ClusterConfig cluster, NodeConfig node) {
        if ("local".equals(node.drbdVia())) {
            return local(node.name());
        }
        return ssh(cluster.ssh(), node);
    }

    /** The node reached over ssh with the cluster's ssh settings (the node's own user wins). */
    public static NodeTarget ssh(ClusterConfig.Ssh ssh, NodeConfig node) {
        if (ssh == null) {
            return new NodeTarget(node.name(), false, node.host(), 22, node.sshUser(), null, null,
                    Duration.ofSeconds(3), List.of());
        }
        String user = node.sshUser() != null ? node.sshUser() : ssh.user();
        return new NodeTarget(node.name(), false, node.host(), ssh.port() > 0 ? ssh.port() : 22, user,
                ssh.identity(), ssh.knownHosts(), ssh.connectTimeout() != null ? ssh.connectTimeout()
                : Duration.ofSeconds(3), ssh.options());
    }

    /** Same target, another login (the DRBD forced-command user vs. the node's admin user). */
    public NodeTarget withUser(String otherUser) {
        return new NodeTarget(node, local, host, port, otherUser, identity, knownHosts, connectTimeout, options);
    }
}
