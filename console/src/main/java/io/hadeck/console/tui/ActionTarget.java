package io.hadeck.console.tui;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

/** Which node a guided-action key acts on, given the node selected on screen. */
final class ActionTarget {
    private ActionTarget() {
    }

    /** @return the node for the request, or null to leave the choice to the catalogue (or none needed) */
    static String node(ActionKind kind, ClusterConfig cluster, String selected) {
        return switch (kind) {
            // the selected pair node is the one to take the pair over; any other selection: the only pair
            case PAIR_HANDOVER -> cluster.node(selected).filter(NodeConfig::runsKeepalived).map(NodeConfig::name).orElse(null);
            // the selected node names its pair; any other selection leaves the choice to the catalogue
            case DRBD_RECOVER -> cluster.node(selected).filter(NodeConfig::runsDrbd).map(NodeConfig::name).orElse(null);
            default -> kind.needsNode() ? selected : null;
        };
    }
}
