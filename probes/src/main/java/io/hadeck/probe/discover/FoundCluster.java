package io.hadeck.probe.discover;

import java.util.List;

/**
 * A Patroni cluster as `hadeck init` found it: where its keys are, which etcd serves them, and each
 * member's addresses. Nothing secret: passwords are never taken from what was read.
 *
 * @param etcdEndpoints the etcd client URLs, empty when the source did not say (a Patroni REST URL)
 * @param restUser      the REST API's user when the source names one (a Patroni YAML), else null
 */
public record FoundCluster(String scope, String namespace, List<String> etcdEndpoints, List<Member> members,
                           String restUser) {

    public FoundCluster {
        etcdEndpoints = List.copyOf(etcdEndpoints);
        members = List.copyOf(members);
    }

    /**
     * @param postgres host:port of its PostgreSQL (the member's conn_url)
     * @param patroni  its REST API's base URL (the member's api_url without /patroni)
     * @param etcd     the etcd client URL on the same host, or null
     */
    public record Member(String name, String host, String postgres, String patroni, String etcd) {
    }

    public FoundCluster withEtcd(List<String> endpoints) {
        List<Member> ms = members.stream().map(m -> new Member(m.name(), m.host(), m.postgres(), m.patroni(),
                PatroniDiscovery.onHost(endpoints, m.host()))).toList();
        return new FoundCluster(scope, namespace, endpoints, ms, restUser);
    }

    public FoundCluster withRestUser(String user) {
        return new FoundCluster(scope, namespace, etcdEndpoints, members, user);
    }
}
