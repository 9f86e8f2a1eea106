package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "set-cluster-failover", mixinStandardHelpOptions = true,
        description = {"Allow (on) or forbid (off) automatic failover for the whole cluster",
                "(Patroni: PATCH /config {\"pause\": true|null}, like patronictl pause/resume).",
                "Chef Backend: chef-backend-ctl set-cluster-failover on|off on a backend node over ssh (seed 004 Step 1);",
                "verified from chef-backend-ctl cluster-status --json, or \"cannot verify\" when it does not report it.",
                "The operator types the cluster's name."})
public class SetClusterFailoverCommand extends ActionCommand {
    @Parameters(paramLabel = "on|off", description = "on or off.")
    OnOff value;

    @Override
    protected ActionRequest request(String cluster) {
        return ActionRequest.of(value.enabled() ? ActionKind.CLUSTER_FAILOVER_ON : ActionKind.CLUSTER_FAILOVER_OFF, cluster, null);
    }
}
