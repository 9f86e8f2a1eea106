package io.hadeck.console.commands.action;

import io.hadeck.actions.patroni.ForceLeaderRunbook;
import io.hadeck.actions.runbook.Runbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "force-leader", mixinStandardHelpOptions = true,
        description = {"Make NODE the leader when there is no healthy leader (Patroni POST /failover; works while paused).",
                "Shows NODE's replay position against the others and what may be lost; asks for NODE and then LOSE DATA."})
public class ForceLeaderCommand extends ActionCommand {
    @Parameters(paramLabel = "NODE", description = "The standby to make leader.")
    String node;

    @Override
    protected Runbook runbook(ActionKit kit) {
        return new ForceLeaderRunbook(kit.patroni(), node);
    }

    @Override
    protected String[] nodes() {
        return new String[] {node};
    }
}
