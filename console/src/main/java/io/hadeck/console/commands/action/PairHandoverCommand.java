package io.hadeck.console.commands.action;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "handover", mixinStandardHelpOptions = true,
        description = {"Hand a keepalived pair over to its peer, the seeds' graceful transition: keepalived is stopped on the",
                "owner (VIP removed, services stopped, unmounted, DRBD Secondary there; VIP, Primary, mounted, services up on",
                "the peer), then started again on the old owner, which rejoins as BACKUP. Each step verified on fresh readings."})
public class PairHandoverCommand extends ActionCommand {
    @Option(names = "--to", paramLabel = "NODE", description = "The node that is to own the pair afterwards (default: the owner's peer; needed when the cluster has several pairs).")
    String to;

    @Override
    protected ActionRequest request(String cluster) {
        return ActionRequest.of(ActionKind.PAIR_HANDOVER, cluster, to);
    }

    @Override
    protected String[] nodes() {
        return new String[] {to};
    }
}
