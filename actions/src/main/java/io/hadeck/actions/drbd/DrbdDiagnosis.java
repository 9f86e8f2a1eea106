package io.hadeck.actions.drbd;

/** Which scenario a pair is in, why (in words from both nodes' readings), and both readings. */
public record DrbdDiagnosis(DrbdScenario scenario, String reason, DrbdSide a, DrbdSide b) {

    /** The side that is up, for the one-node-lost scenarios. */
    public DrbdSide survivor() {
        return a.up() ? a : b;
    }

    public DrbdSide lost() {
        return a.up() ? b : a;
    }

    public DrbdSide side(String node) {
        return a.node().equals(node) ? a : b.node().equals(node) ? b : null;
    }

    public DrbdSide other(String node) {
        return a.node().equals(node) ? b : a;
    }
}
