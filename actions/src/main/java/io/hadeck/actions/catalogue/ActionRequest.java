package io.hadeck.actions.catalogue;

/**
 * One request for a guided action, from any front end, on the cluster the operator is looking at.
 *
 * @param cluster  the cluster's name as shown (after `:cluster NAME` in the console, that one)
 * @param node     the node acted on; for DRBD, a node of the pair (null: the only pair)
 * @param victim   DRBD split-brain: the node whose changes are discarded, null when not chosen yet
 * @param resource DRBD: the resource, null when the pair has one
 * @param fenced   the node the operator states is down or fenced (--peer-fenced), null when none
 */
public record ActionRequest(ActionKind kind, String cluster, String node, String victim, String resource, String fenced) {

    public static ActionRequest of(ActionKind kind, String cluster, String node) {
        return new ActionRequest(kind, cluster, node, null, null, null);
    }

    /** "promote node-2", "drbd recover drbd-a": for titles and the audit log. */
    public String title() {
        return kind.command() + (node == null ? "" : " " + node);
    }
}
