package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "set-node-failover", mixinStandardHelpOptions = true,
        description = {"Allow (on) or forbid (off) NODE becoming leader by failover (Patroni: tags.nofailover in the",
                "node's YAML at patroni.configPath, then POST /reload).",
                "Chef Backend: chef-backend-ctl set-node-failover on|off, run on NODE over ssh; verified from what",
                "chef-backend-ctl cluster-status --json reports of NODE. The operator types NODE."})
public class SetNodeFailoverCommand extends ActionCommand {
    @Parameters(index = "0", paramLabel = "NODE", description = "The node.")
    String node;

    @Parameters(index = "1", paramLabel = "on|off", description = "on or off.")
    OnOff value;

    @Override
    protected ActionRequest request(String cluster) {
        return ActionRequest.of(value.enabled() ? ActionKind.NODE_FAILOVER_ON : ActionKind.NODE_FAILOVER_OFF, cluster, node);
    }

    @Override
    protected String[] nodes() {
        return new String[] {node};
    }
}
