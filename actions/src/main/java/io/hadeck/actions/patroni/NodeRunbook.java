package io.hadeck.actions.patroni;

import io.hadeck.actions.runbook.Runbook;

/** A Patroni runbook acting on one node (fence, rejoin, restart, reload): its context, its node, the cluster now. */
abstract class NodeRunbook implements Runbook {
    final PatroniContext ctx;
    final String node;

    NodeRunbook(PatroniContext ctx, String node) {
        this.ctx = ctx;
        this.node = node;
    }

    @Override
    public final String target() {
        return node;
    }

    @Override
    public final String stateNow() {
        return ctx.stateNow();
    }
}
