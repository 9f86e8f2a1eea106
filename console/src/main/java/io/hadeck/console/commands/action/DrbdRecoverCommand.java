package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
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

    @Option(names = "--resource", paramLabel = "NAME", description = "The DRBD resource, when the pair has several (never guessed).")
    String resource;

    @Option(names = {"--peer-fenced", "--fenced"}, paramLabel = "NODE", description = {"State that NODE, which hadeck cannot",
            "read, is powered off or cut off; needed before promoting its peer without it (and LOSE DATA)."})
    String fenced;

    @Override
    protected ActionRequest request(String cluster) {
        return new ActionRequest(ActionKind.DRBD_RECOVER, cluster, pair != null ? pair : victim, victim, resource, fenced);
    }

    @Override
    protected String[] nodes() {
        return new String[] {victim, pair, fenced};
    }
}
