package io.hadeck.console.commands.action;

import io.hadeck.actions.runbook.Runbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Read both nodes of a DRBD pair, name the scenario (Chef document 1-5, split-brain) and run its",
                "recovery (LINBIT's procedure for split-brain). Split-brain needs --victim: the node whose changes are",
                "discarded; that and every data-losing plan asks for the node's name and then LOSE DATA."})
public class DrbdRecoverCommand extends ActionCommand {
    @Option(names = "--victim", paramLabel = "NODE", description = "Split-brain: the node whose changes since the split are discarded.")
    String victim;

    @Option(names = "--pair", paramLabel = "NODE", description = "A node of the pair to recover (default: the first DRBD node).")
    String pair;

    @Override
    protected Runbook runbook(ActionKit kit) {
        return kit.drbdRecovery(pair != null ? pair : victim, victim);
    }

    @Override
    protected String[] nodes() {
        return new String[] {victim, pair};
    }
}
