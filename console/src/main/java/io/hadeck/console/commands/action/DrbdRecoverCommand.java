package io.hadeck.console.commands.action;

import io.hadeck.actions.drbd.DrbdRecoveryRunbook;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.config.NodeConfig;
import io.hadeck.console.commands.CommandException;
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
        String a = pairNode(kit);
        NodeConfig n = kit.cluster().node(a).orElseThrow();
        if (n.peer() == null) {
            throw CommandException.usage("DRBD node " + a + " has no peer in the configuration (peer: NODE)");
        }
        return new DrbdRecoveryRunbook(kit.cluster().name(), kit.drbd(), a, n.peer(), victim, ActionKit.STEP_DEADLINE);
    }

    /** The pair's first node in config order, so the plan reads the same whichever node was named. */
    private String pairNode(ActionKit kit) {
        String named = pair != null ? pair : victim;
        if (named == null) {
            return kit.cluster().nodes().stream().filter(NodeConfig::runsDrbd).map(NodeConfig::name).findFirst()
                    .orElseThrow(() -> CommandException.usage("cluster " + kit.cluster().name() + " has no DRBD nodes"));
        }
        NodeConfig n = kit.cluster().node(named).filter(NodeConfig::runsDrbd)
                .orElseThrow(() -> CommandException.usage(named + " is not a DRBD node of cluster " + kit.cluster().name()));
        for (NodeConfig x : kit.cluster().nodes()) {
            if (x.name().equals(n.name()) || x.name().equals(n.peer())) {
                return x.name();
            }
        }
        return n.name();
    }

    @Override
    protected String[] nodes() {
        return new String[] {victim, pair};
    }
}
