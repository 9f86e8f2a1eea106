package io.hadeck.probe.etcd;

import io.etcd.jetcd.Client;
import io.hadeck.config.ClusterConfig;
import io.hadeck.probe.ProbeException;

import java.util.List;

/**
 * One cluster's jetcd client over all its endpoints, built on first use and shared by the readers
 * that ask the cluster as a whole (etcd's member list and statuses, Patroni's keys): every jetcd
 * client is a Vert.x instance with threads of its own, which a one-shot run pays for on start-up.
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

    public boolean configured() {
        return !endpoints.isEmpty();
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
