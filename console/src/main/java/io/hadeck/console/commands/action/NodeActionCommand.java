package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import picocli.CommandLine.Parameters;

/** A guided action on one PostgreSQL node and nothing else (fence, rejoin): the catalogue's kind and NODE. */
abstract class NodeActionCommand extends ActionCommand {
    @Parameters(paramLabel = "NODE", description = "The node to act on.")
    String node;

    abstract ActionKind kind();

    @Override
    protected ActionRequest request(String cluster) {
        return ActionRequest.of(kind(), cluster, node);
    }

    @Override
    protected String[] nodes() {
        return new String[] {node};
    }
}
