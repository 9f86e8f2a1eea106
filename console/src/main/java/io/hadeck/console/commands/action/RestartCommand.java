package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import picocli.CommandLine.Command;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restart PostgreSQL on NODE through its Patroni (POST /restart, like patronictl restart): applies a pending",
                "restart. On the primary, writes stop while it restarts (no failover). Verified when Patroni reports NODE",
                "running again in its role with nothing pending."})
public class RestartCommand extends NodeActionCommand {
    @Override
    ActionKind kind() {
        return ActionKind.RESTART;
    }
}
