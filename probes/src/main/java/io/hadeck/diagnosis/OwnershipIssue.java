package io.hadeck.diagnosis;

import io.hadeck.model.Severity;

/** What can be wrong with who owns a legacy pair; the code is the finding's. */
public enum OwnershipIssue {
    VIP_ON_BOTH(Severity.CRIT),
    /** CRIT; WARN when the survivor's own links still see the node (see {@link PeerEvidence}). */
    PEER_NOT_ANSWERING(Severity.CRIT),
    VIP_ON_NEITHER(Severity.CRIT),
    VIP_DRBD_MISMATCH(Severity.CRIT),
    MOUNTED_ON_SECONDARY(Severity.CRIT),
    SERVICES_ON_NON_OWNER(Severity.CRIT),
    /** WARN; CRIT on the node that holds the VIP (see {@link OwnershipProblem#severity()}). */
    KEEPALIVED_DOWN(Severity.WARN),
    TAKEOVER_REFUSED(Severity.WARN),
    OWNER_INCOMPLETE(Severity.WARN),
    HANDOVER_IN_PROGRESS(Severity.INFO);

    private final Severity severity;

    OwnershipIssue(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
