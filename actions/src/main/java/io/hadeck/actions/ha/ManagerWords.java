package io.hadeck.actions.ha;

/**
 * How sentences name an HA manager and its own verbs, so an operator of a Chef Backend cluster is
 * told about chef-backend-ctl and leaderl, never about patronictl or a paused Patroni.
 */
public enum ManagerWords {
    PATRONI("Patroni", "Patroni's REST API (GET /cluster) or etcd", "Patroni paused",
            "nofailover: true", "nofailover: false", "the nofailover tag"),
    CHEF_BACKEND("leaderl", "chef-backend-ctl cluster-status --json (over ssh on a backend node)",
            "chef-backend-ctl set-cluster-failover off", "chef-backend-ctl set-node-failover off",
            "chef-backend-ctl set-node-failover on", "chef-backend-ctl set-node-failover off");

    private final String who;
    private final String stateSource;
    private final String clusterFailoverOff;
    private final String nodeFailoverOff;
    private final String nodeFailoverOn;
    private final String nodeExcludedBy;

    ManagerWords(String who, String stateSource, String clusterFailoverOff, String nodeFailoverOff,
                 String nodeFailoverOn, String nodeExcludedBy) {
        this.who = who;
        this.stateSource = stateSource;
        this.clusterFailoverOff = clusterFailoverOff;
        this.nodeFailoverOff = nodeFailoverOff;
        this.nodeFailoverOn = nodeFailoverOn;
        this.nodeExcludedBy = nodeExcludedBy;
    }

    /** The one that elects the leader: "Patroni", "leaderl". */
    public String who() {
        return who;
    }

    /** Where hadeck reads the manager's state, for "make … answer from here". */
    public String stateSource() {
        return stateSource;
    }

    /** What cluster failover off is called with this manager: "Patroni paused". */
    public String clusterFailoverOff() {
        return clusterFailoverOff;
    }

    /** The node's failover setting in the manager's words: "nofailover: true", "chef-backend-ctl set-node-failover off". */
    public String nodeFailover(boolean allowed) {
        return allowed ? nodeFailoverOn : nodeFailoverOff;
    }

    /** What keeps a node out of failover: "the nofailover tag". */
    public String nodeExcludedBy() {
        return nodeExcludedBy;
    }
}
