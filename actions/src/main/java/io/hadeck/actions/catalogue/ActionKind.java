package io.hadeck.actions.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every guided action hadeck offers, once: its command name, whether it needs a node, and whether
 * it can lose data (then a plan may ask for LOSE DATA / --accept-data-loss; whether a given plan
 * does is the runbook's call, from the cluster's state). Every action changes the cluster, so all
 * are dangerous: read-only mode drops them all.
 */
public enum ActionKind {
    PROMOTE("promote", true, false, "promote the selected standby (switchover)"),
    DEMOTE("demote", true, false, "demote the selected primary"),
    FORCE_LEADER("force-leader", true, true, "force the selected node to lead (failover)"),
    CLUSTER_FAILOVER_OFF("set-cluster-failover off", false, false, "cluster failover off (maintenance)"),
    CLUSTER_FAILOVER_ON("set-cluster-failover on", false, false, "cluster failover on (automatic)"),
    NODE_FAILOVER_OFF("set-node-failover off", true, false, "forbid failover to the selected node"),
    NODE_FAILOVER_ON("set-node-failover on", true, false, "allow failover to the selected node"),
    DRBD_RECOVER("drbd recover", false, true, "DRBD recovery for the selected pair"),
    FENCE("fence", true, false, "fence the selected node: stop its PostgreSQL (a primary that must not accept writes)"),
    REJOIN("rejoin", true, true, "rejoin the selected node as a standby (Patroni reinitialize)"),
    RESTART("restart", true, false, "restart PostgreSQL on the selected node (Patroni restart)"),
    RELOAD("reload", true, false, "reload the selected node's configuration (Patroni reload)"),
    ROLLING_UPGRADE("rolling-upgrade", false, false, "rolling upgrade of the Chef Backend cluster (seed 004: chef-backend-ctl upgrade on each node)"),
    PAIR_HANDOVER("pair handover", false, false, "hand the keepalived pair over to the selected node (keepalived stopped on the owner)");

    private final String command;
    private final boolean needsNode;
    private final boolean canLoseData;
    private final String description;

    ActionKind(String command, boolean needsNode, boolean canLoseData, String description) {
        this.command = command;
        this.needsNode = needsNode;
        this.canLoseData = canLoseData;
        this.description = description;
    }

    /** The words an operator types: "promote", "set-cluster-failover off", "drbd recover". */
    public String command() {
        return command;
    }

    public boolean needsNode() {
        return needsNode;
    }

    public boolean canLoseData() {
        return canLoseData;
    }

    public String description() {
        return description;
    }

    public static Optional<ActionKind> byCommand(String command) {
        return Arrays.stream(values()).filter(k -> k.command.equals(command)).findFirst();
    }
}
