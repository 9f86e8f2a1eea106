package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import picocli.CommandLine.Command;

@Command(name = "rolling-upgrade", mixinStandardHelpOptions = true,
        description = {"Chef Backend's rolling upgrade (seed 004, \"Chef Backend 1.x to 1.x Upgrade\"), step by step, each",
                "verified before the next: chef-backend-ctl set-cluster-failover off; chef-backend-ctl upgrade on each",
                "follower in turn (its services restart; it must stream from the leader again); set-cluster-failover on,",
                "chef-backend-ctl promote on an upgraded follower, set-cluster-failover off; chef-backend-ctl upgrade on",
                "the old leader; set-cluster-failover on, and the cluster checked stable (one leader, every other node",
                "streaming, each node's version from its version manifest). The new chef-backend package must already be",
                "installed on every node. A failed step stops the run there; cluster failover stays as it stood then:",
                "the account says which. The operator types the cluster's name."})
public class RollingUpgradeCommand extends ActionCommand {
    @Override
    protected ActionRequest request(String cluster) {
        return ActionRequest.of(ActionKind.ROLLING_UPGRADE, cluster, null);
    }
}
