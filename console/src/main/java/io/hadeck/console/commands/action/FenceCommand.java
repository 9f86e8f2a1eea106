package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import picocli.CommandLine.Command;

@Command(name = "fence", mixinStandardHelpOptions = true,
        description = {"Stop PostgreSQL on NODE, a primary that accepts writes but must not (the old primary of a",
                "split-brain, or a primary whose Patroni died): pg_ctl stop -m fast over ssh as the node's postgres user.",
                "The plan names the node the leader key names and the client sessions on each primary; verified when NODE",
                "accepts no connections and its WAL no longer moves. Refused on the one healthy leader (use demote)."})
public class FenceCommand extends NodeActionCommand {
    @Override
    ActionKind kind() {
        return ActionKind.FENCE;
    }
}
