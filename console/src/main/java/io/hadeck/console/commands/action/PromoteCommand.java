package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Planned switchover: make the standby NODE the primary (Patroni POST /switchover).",
                "Chef Backend: chef-backend-ctl promote NODE, run on NODE over ssh (leaderl makes it the leader).",
                "Refused when NODE does not stream from the primary, lags beyond thresholds.lagWarn, etcd has no quorum",
                "or cluster failover is off. The operator types NODE to confirm."})
public class PromoteCommand extends ActionCommand {
    @Parameters(paramLabel = "NODE", description = "The standby to promote.")
    String node;

    @Override
    protected ActionRequest request(String cluster) {
        return ActionRequest.of(ActionKind.PROMOTE, cluster, node);
    }

    @Override
    protected String[] nodes() {
        return new String[] {node};
    }
}
