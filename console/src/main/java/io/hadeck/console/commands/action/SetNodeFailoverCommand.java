package io.hadeck.console.commands.action;

import io.hadeck.actions.patroni.NodeFailoverRunbook;
import io.hadeck.actions.runbook.Runbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "set-node-failover", mixinStandardHelpOptions = true,
        description = {"Allow (on) or forbid (off) NODE becoming leader by failover (Patroni: tags.nofailover in the",
                "node's YAML at patroni.configPath, then POST /reload). The operator types NODE."})
public class SetNodeFailoverCommand extends ActionCommand {
    @Parameters(index = "0", paramLabel = "NODE", description = "The node.")
    String node;

    @Parameters(index = "1", paramLabel = "on|off", description = "on or off.")
    OnOff value;

    @Override
    protected Runbook runbook(ActionKit kit) {
        return new NodeFailoverRunbook(kit.patroni(), node, value.enabled());
    }

    @Override
    protected String[] nodes() {
        return new String[] {node};
    }
}
