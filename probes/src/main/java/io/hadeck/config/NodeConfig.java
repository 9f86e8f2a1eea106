package io.hadeck.config;

import java.util.List;

/**
 * One node of a cluster and the endpoints of the layers it runs; a null endpoint means the node
 * does not run that layer.
 *
 * @param postgres       host:port
 * @param drbdResources  resources to read, empty when the node runs no DRBD
 * @param drbdVia        "ssh" or "local"
 * @param sshUser        overrides the cluster's ssh user for this node, may be null
 * @param peer           the other node of a DRBD pair, may be null
 * @param keepalived     what this node holds when it owns its legacy pair, null when no keepalived runs
 */
public record NodeConfig(String name, String host, String etcd, String postgres, String patroni,
                         String elasticsearch, List<String> drbdResources, String drbdVia, String sshUser,
                         String peer, KeepalivedConfig keepalived) {
    public NodeConfig {
        drbdResources = drbdResources == null ? List.of() : List.copyOf(drbdResources);
    }

    /** A node without keepalived. */
    public NodeConfig(String name, String host, String etcd, String postgres, String patroni, String elasticsearch,
                      List<String> drbdResources, String drbdVia, String sshUser, String peer) {
        this(name, host, etcd, postgres, patroni, elasticsearch, drbdResources, drbdVia, sshUser, peer, null);
    }

    public boolean runsKeepalived() {
        return keepalived != null;
    }

    public boolean runsDrbd() {
        return !drbdResources.isEmpty();
    }
}
