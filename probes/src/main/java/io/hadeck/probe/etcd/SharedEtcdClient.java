package io.hadeck.probe.etcd;

import io.etcd.jetcd.Client;
import io.hadeck.config.ClusterConfig;
import io.hadeck.probe.ProbeException;

import java.util.List;

/**
 * One cluster's jetcd (gRPC) client over all its endpoints, for what needs a stream: the console's
 * watch of the HA manager's keys. Built on first use: every jetcd client is a Vert.x instance with
 * threads of its own, which a one-shot run never needs (the readers use {@link EtcdGateway}).
 */
public final class SharedEtcdClient implements AutoCloseable {

    private final ClusterConfig cluster;
    private final List<String> endpoints;
    private Client client;
    private boolean closed;

    public SharedEtcdClient(ClusterConfig cluster) {
        this.cluster = cluster;
        this.endpoints = EtcdClients.endpoints(cluster);
    }

    public synchronized Client get() {
        if (closed) {
            throw new ProbeException("closed");
        }
        if (client == null) {
            client = EtcdClients.build(cluster.etcd(), endpoints, cluster.timeouts().connect());
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
