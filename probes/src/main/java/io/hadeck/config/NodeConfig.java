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
 */
public record NodeConfig(String name, String host, String etcd, String postgres, String patroni,
                         String elasticsearch, List<String> drbdResources, String drbdVia, String sshUser,
                         String peer) {
    public NodeConfig {
        drbdResources = drbdResources == null ? List.of() : List.copyOf(drbdResources);
    }

    public boolean runsDrbd() {
        return !drbdResources.isEmpty();
    }
}
