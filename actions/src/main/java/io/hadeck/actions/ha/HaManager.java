package io.hadeck.actions.ha;

/**
 * The moves every HA manager offers, one adapter per manager (Patroni REST, chef-backend-ctl).
 * Each move is returned as a {@link Call} that is described before it runs, so runbooks can show
 * the exact call in a plan and make it only after confirmation. The manager's state is not read
 * here: runbooks ask the snapshot (probes' readers), the same picture the screen shows.
 */
public interface HaManager {

    /** "patroni", "chef-backend": the word used in sentences and the audit log. */
    String name();

    /** Planned move of the primary role from {@code from} (the current primary) to {@code to}. */
    Call switchover(String from, String to);

    /** Make {@code to} the leader when no healthy leader exists (chef-backend-ctl force-leader). */
    Call failover(String to);

    /** Allow (true) or forbid (false) automatic failover for the whole cluster. */
    Call setClusterFailover(boolean enabled);

    /** Allow (true) or forbid (false) one node from becoming leader by failover. */
    Call setNodeFailover(String node, boolean allowed);

    /** How an operator re-enables cluster failover with this manager, for refusals. */
    String howToEnableClusterFailover();

    /** How sentences name this manager and its verbs. */
    ManagerWords words();

    /**
     * Planned move of the primary role away from {@code leader}; {@code candidate} is the standby
     * hadeck would choose. A manager that picks the new leader itself (chef-backend-ctl demote)
     * ignores it and says so in {@link #choosesDemoteTarget()}.
     */
    default Call demote(String leader, String candidate) {
        return switchover(leader, candidate);
    }

    /** True when demote lets the manager pick the new leader (then any healthy standby may win). */
    default boolean choosesDemoteTarget() {
        return false;
    }

    /**
     * Stops PostgreSQL on {@code node} and keeps it from accepting writes (fence). Its output ends with
     * where the node's WAL stopped, when the manager can tell.
     */
    default Call stopPostgres(String node) {
        throw new io.hadeck.actions.ActionException(name() + " offers no way to stop PostgreSQL on one node from hadeck");
    }

    /** Wipes {@code node}'s data and clones it from the leader, as a standby (Patroni's reinitialize). */
    default Call reinitialize(String node) {
        throw new io.hadeck.actions.ActionException(name() + " offers no reinitialize of one node from hadeck");
    }

    /** Restarts PostgreSQL on {@code node} in its current role (Patroni POST /restart). */
    default Call restart(String node) {
        throw new io.hadeck.actions.ActionException(name() + " offers no restart of one node from hadeck");
    }

    /**
     * Restarts {@code node}'s services on the package installed there and waits until it has rejoined
     * (chef-backend-ctl upgrade, seed 004), on a node that does not lead.
     */
    default Call upgrade(String node) {
        throw new io.hadeck.actions.ActionException(name() + " offers no upgrade of one node from hadeck");
    }

    /** Makes {@code node}'s manager read its configuration again (Patroni POST /reload). */
    default Call reload(String node) {
        throw new io.hadeck.actions.ActionException(name() + " offers no reload of one node from hadeck");
    }
}
