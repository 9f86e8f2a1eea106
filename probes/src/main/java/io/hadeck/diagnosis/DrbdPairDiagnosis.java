package io.hadeck.diagnosis;

import java.util.List;
import java.util.Optional;

/**
 * What one DRBD resource of a pair is in: the scenario, the reason in one sentence, the evidence it
 * rests on, and both sides' readings. The findings, the console's card and the recovery runbook all
 * read this one diagnosis, so a card and a plan cannot disagree.
 *
 * @param resource   the resource's configured name
 * @param unverified the node hadeck could not read while its peer no longer sees it: "gone" rests on
 *                   the survivor's word alone (the node may be cut off and still writing); null otherwise
 */
public record DrbdPairDiagnosis(String resource, DrbdScenario scenario, String reason, List<String> evidence,
                                DrbdSide a, DrbdSide b, String unverified) {
    public DrbdPairDiagnosis {
        evidence = List.copyOf(evidence);
    }

    public Optional<DrbdSide> side(String node) {
        return a.node().equals(node) ? Optional.of(a) : b.node().equals(node) ? Optional.of(b) : Optional.empty();
    }

    public DrbdSide other(String node) {
        return a.node().equals(node) ? b : a;
    }

    /** The side that is up, for the one-node-lost scenarios. */
    public DrbdSide survivor() {
        return a.up() ? a : b;
    }

    public DrbdSide lost() {
        return a.up() ? b : a;
    }

    /** "drbd-a: …; drbd-b: …". */
    public String both() {
        return a.describe() + "; " + b.describe();
    }
}
