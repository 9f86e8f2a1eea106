package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "force-leader", mixinStandardHelpOptions = true,
        description = {"Make NODE the leader when there is no healthy leader (Patroni POST /failover; works while paused).",
                "Chef Backend: chef-backend-ctl force-leader, run on NODE over ssh (it refuses while a leader exists).",
                "Shows NODE's replay position against the others and what may be lost; asks for NODE and then LOSE DATA."})
public class ForceLeaderCommand extends ActionCommand {
    @Parameters(paramLabel = "NODE", description = "The standby to make leader.")
    String node;

    @Option(names = {"--peer-fenced", "--fenced"}, paramLabel = "NODE", description = {"State that NODE (the leader hadeck",
            "cannot read) is down or fenced; without it force-leader refuses while the leader's state is unknown."})
    String fenced;

    @Override
    protected ActionRequest request(String cluster) {
        return new ActionRequest(ActionKind.FORCE_LEADER, cluster, node, null, null, fenced);
    }

    @Override
    protected String[] nodes() {
        return new String[] {node, fenced};
    }
}
