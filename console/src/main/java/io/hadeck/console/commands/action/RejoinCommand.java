package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import picocli.CommandLine.Command;

@Command(name = "rejoin", mixinStandardHelpOptions = true,
        description = {"Make NODE (diverged or fenced) a standby of the leader again: Patroni POST /reinitialize wipes",
                "its data and clones it from the leader. What NODE wrote that the leader lacks is lost: the plan says so",
                "and asks for LOSE DATA (--yes --accept-data-loss without a terminal). Verified when NODE streams."})
public class RejoinCommand extends NodeActionCommand {
    @Override
    ActionKind kind() {
        return ActionKind.REJOIN;
    }
}
