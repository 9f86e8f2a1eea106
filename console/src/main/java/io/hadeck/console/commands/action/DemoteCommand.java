package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "demote", mixinStandardHelpOptions = true,
        description = {"Planned switchover away from the primary NODE to the streaming standby with the least lag.",
                "Chef Backend: chef-backend-ctl demote, run on the leader NODE over ssh (leaderl elects the next leader).",
                "Same refusals as promote. The operator types NODE to confirm."})
public class DemoteCommand extends ActionCommand {
    @Parameters(paramLabel = "NODE", description = "The primary to demote.")
    String node;

    @Override
    protected ActionRequest request(String cluster) {
        return ActionRequest.of(ActionKind.DEMOTE, cluster, node);
    }

    @Override
    protected String[] nodes() {
        return new String[] {node};
    }
}
