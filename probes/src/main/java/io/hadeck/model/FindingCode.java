package io.hadeck.model;

/**
 * Every code the findings engine can raise: the one list tests, hooks, conditions and runbooks key on.
 * Its {@link #name()} is the word in JSON, the journal and the console, so stored journals and hook
 * configs keep working. The severity is the rule's (it depends on what was read, e.g. {@link #UNREACHABLE}
 * is CRIT for the primary and WARN for a standby); the category says which rules raise it.
 */
public enum FindingCode {
    // PostgreSQL (PostgresRules, StandbyStreamRules)
    PG_TWO_PRIMARIES(Category.POSTGRES),
    PG_NO_PRIMARY(Category.POSTGRES),
    SLOT_RETAINING_WAL(Category.POSTGRES),
    REPLAY_PAUSED(Category.POSTGRES),
    REPLICA_LAG(Category.POSTGRES),
    STANDBY_NOT_STREAMING(Category.POSTGRES),
    TIMELINE_DIVERGENCE(Category.POSTGRES),
    // the HA manager (HaRules)
    LEADER_KEY_MISMATCH(Category.HA_MANAGER),
    LEADER_KEY_MISSING(Category.HA_MANAGER),
    HA_AGENT_DOWN_ON_PRIMARY(Category.HA_MANAGER),
    SYNC_STANDBY_MISSING(Category.HA_MANAGER),
    CLUSTER_FAILOVER_DISABLED(Category.HA_MANAGER),
    NODE_FAILOVER_DISABLED(Category.HA_MANAGER),
    PENDING_RESTART(Category.HA_MANAGER),
    // etcd (EtcdRules)
    ETCD_NO_QUORUM(Category.ETCD),
    ETCD_MEMBER_UNHEALTHY(Category.ETCD),
    ETCD_ALARM(Category.ETCD),
    // Elasticsearch (ElasticsearchRules)
    ES_RED(Category.ELASTICSEARCH),
    ES_YELLOW(Category.ELASTICSEARCH),
    ES_UNASSIGNED_SHARDS(Category.ELASTICSEARCH),
    ES_NODE_MISSING(Category.ELASTICSEARCH),
    // DRBD (DrbdRules)
    DRBD_SPLIT_BRAIN(Category.DRBD),
    DRBD_BOTH_PRIMARY(Category.DRBD),
    DRBD_BOTH_SECONDARY(Category.DRBD),
    DRBD_STANDALONE(Category.DRBD),
    DRBD_WFCONNECTION(Category.DRBD),
    DRBD_INCONSISTENT(Category.DRBD),
    DRBD_RESYNC(Category.DRBD),
    // Chef Backend (ChefRules)
    CHEF_SERVICE_DOWN(Category.CHEF_BACKEND),
    LEADERL_UNSETTLED(Category.CHEF_BACKEND),
    PORT_UNREACHABLE(Category.CHEF_BACKEND),
    CLOCK_DRIFT(Category.CHEF_BACKEND),
    VIP_NOT_ON_LEADER(Category.CHEF_BACKEND),
    // legacy keepalived pairs (PairRules: one per OwnershipIssue)
    VIP_ON_BOTH(Category.PAIR),
    PEER_NOT_ANSWERING(Category.PAIR),
    VIP_ON_NEITHER(Category.PAIR),
    VIP_DRBD_MISMATCH(Category.PAIR),
    MOUNTED_ON_SECONDARY(Category.PAIR),
    SERVICES_ON_NON_OWNER(Category.PAIR),
    KEEPALIVED_DOWN(Category.PAIR),
    TAKEOVER_REFUSED(Category.PAIR),
    OWNER_INCOMPLETE(Category.PAIR),
    HANDOVER_IN_PROGRESS(Category.PAIR),
    // hadeck's own reading and configuration (FreshnessRules, InsecureTransportRules)
    UNREACHABLE(Category.READING),
    STALE_READING(Category.READING),
    INSECURE_TRANSPORT(Category.CONFIG);

    /** Which rules raise a code: the layer it speaks of, or hadeck's own reading and config. */
    public enum Category { POSTGRES, HA_MANAGER, ETCD, ELASTICSEARCH, DRBD, CHEF_BACKEND, PAIR, READING, CONFIG }

    private final Category category;

    FindingCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
