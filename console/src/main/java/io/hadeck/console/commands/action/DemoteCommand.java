package io.hadeck.console.commands.action;

import io.hadeck.actions.patroni.SwitchoverRunbook;
import io.hadeck.actions.runbook.Runbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "demote", mixinStandardHelpOptions = true,
        description = {"Planned switchover away from the primary NODE to the streaming standby with the least lag.",
                "Same refusals as promote. The operator types NODE to confirm."})
public class DemoteCommand extends ActionCommand {
    @Parameters(paramLabel = "NODE", description = "The primary to demote.")
    String node;

    @Override
    protected Runbook runbook(ActionKit kit) {
        return new SwitchoverRunbook(kit.patroni(), SwitchoverRunbook.Kind.DEMOTE, node);
    }

    @Override
    protected String[] nodes() {
        return new String[] {node};
    }
}
