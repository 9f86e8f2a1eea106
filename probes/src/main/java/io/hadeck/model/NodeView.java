package io.hadeck.model;

/**
 * The latest observation of each layer one node runs. A null observation means the node does not
 * run that layer (a DRBD node has no etcd member); a failed one means it should but could not be read.
 *
 * @param pair the keepalived pair's ownership layer (VRRP, VIP, mount, services); null unless the
 *             node is a keepalived pair node
 * @param chef the Chef Backend seeds' checks run on the node (service table, clock, VIP, ports);
 *             null unless the cluster's manager is chef-backend
 * @param pairPeer the other node of this node's keepalived pair, from the configuration (so the pair
 *             is known even when neither side could be read); null unless it is a keepalived pair node
 */
public record NodeView(String name, String host, Observation<EtcdMemberStatus> etcd,
                       Observation<PgInstance> postgres, Observation<EsNode> elasticsearch,
                       Observation<DrbdStatus> drbd, Observation<HaMember> ha, Observation<PairNodeState> pair,
                       Observation<ChefNodeChecks> chef, String pairPeer) {

    public NodeView(String name, String host, Observation<EtcdMemberStatus> etcd, Observation<PgInstance> postgres,
                    Observation<EsNode> elasticsearch, Observation<DrbdStatus> drbd, Observation<HaMember> ha) {
        this(name, host, etcd, postgres, elasticsearch, drbd, ha, null, null, null);
    }

    public static NodeView empty(String name, String host) {
        return empty(name, host, null);
    }

    public static NodeView empty(String name, String host, String pairPeer) {
        return new NodeView(name, host, null, null, null, null, null, null, null, pairPeer);
    }

    public NodeView withEtcd(Observation<EtcdMemberStatus> o) {
        return new NodeView(name, host, o, postgres, elasticsearch, drbd, ha, pair, chef, pairPeer);
    }

    public NodeView withPostgres(Observation<PgInstance> o) {
        return new NodeView(name, host, etcd, o, elasticsearch, drbd, ha, pair, chef, pairPeer);
    }

    public NodeView withElasticsearch(Observation<EsNode> o) {
        return new NodeView(name, host, etcd, postgres, o, drbd, ha, pair, chef, pairPeer);
    }

    public NodeView withDrbd(Observation<DrbdStatus> o) {
        return new NodeView(name, host, etcd, postgres, elasticsearch, o, ha, pair, chef, pairPeer);
    }

    public NodeView withHa(Observation<HaMember> o) {
        return new NodeView(name, host, etcd, postgres, elasticsearch, drbd, o, pair, chef, pairPeer);
    }

    public NodeView withPair(Observation<PairNodeState> o) {
        return new NodeView(name, host, etcd, postgres, elasticsearch, drbd, ha, o, chef, pairPeer);
    }

    public NodeView withChef(Observation<ChefNodeChecks> o) {
        return new NodeView(name, host, etcd, postgres, elasticsearch, drbd, ha, pair, o, pairPeer);
    }
}
