package io.hadeck.diagnosis;

import java.util.List;
import java.util.Optional;

/**
 * Who owns a legacy pair — keepalived MASTER, the VIP, DRBD Primary, the mount and the services all
 * on one node — or what disagrees. The findings, the pair cards, {@code pair status} and the
 * handover runbook all read this one diagnosis.
 *
 * @param owner    the node that holds the VIP alone and is DRBD Primary, null when there is none
 * @param problems worst first
 * @param peerEvidence what the side that answers shows of the one that does not, null when both or neither answer
 */
public record OwnershipDiagnosis(PairSide a, PairSide b, String owner, List<OwnershipProblem> problems,
                                 PeerEvidence peerEvidence) {
    public OwnershipDiagnosis {
        problems = List.copyOf(problems);
    }

    public Optional<String> ownerNode() {
        return Optional.ofNullable(owner);
    }

    public PairSide side(String node) {
        return a.node().equals(node) ? a : b;
    }

    public PairSide other(String node) {
        return a.node().equals(node) ? b : a;
    }

    public boolean has(OwnershipIssue issue) {
        return problems.stream().anyMatch(p -> p.issue() == issue);
    }

    /** One owner, everything in place, nothing to say. */
    public boolean settled() {
        return owner != null && problems.isEmpty();
    }

    /** "owner drbd-a" / "no owner (VIP_ON_BOTH)". */
    public String headline() {
        if (owner != null && problems.isEmpty()) {
            return "owner " + owner;
        }
        String first = problems.isEmpty() ? "unknown" : problems.get(0).issue().name();
        return (owner != null ? "owner " + owner + ", " : "no owner, ") + first;
    }
}
