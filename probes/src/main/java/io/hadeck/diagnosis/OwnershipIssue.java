package io.hadeck.diagnosis;

import io.hadeck.model.FindingCode;
import io.hadeck.model.Severity;

/** What can be wrong with who owns a legacy pair; its {@link #code()} is the finding's. */
public enum OwnershipIssue {
    VIP_ON_BOTH(FindingCode.VIP_ON_BOTH, Severity.CRIT),
    /** CRIT; WARN when the survivor's own links still see the node (see {@link PeerEvidence}). */
    PEER_NOT_ANSWERING(FindingCode.PEER_NOT_ANSWERING, Severity.CRIT),
    VIP_ON_NEITHER(FindingCode.VIP_ON_NEITHER, Severity.CRIT),
    VIP_DRBD_MISMATCH(FindingCode.VIP_DRBD_MISMATCH, Severity.CRIT),
    MOUNTED_ON_SECONDARY(FindingCode.MOUNTED_ON_SECONDARY, Severity.CRIT),
    SERVICES_ON_NON_OWNER(FindingCode.SERVICES_ON_NON_OWNER, Severity.CRIT),
    /** WARN; CRIT on the node that holds the VIP (see {@link OwnershipProblem#severity()}). */
    KEEPALIVED_DOWN(FindingCode.KEEPALIVED_DOWN, Severity.WARN),
    TAKEOVER_REFUSED(FindingCode.TAKEOVER_REFUSED, Severity.WARN),
    OWNER_INCOMPLETE(FindingCode.OWNER_INCOMPLETE, Severity.WARN),
    HANDOVER_IN_PROGRESS(FindingCode.HANDOVER_IN_PROGRESS, Severity.INFO);

    private final FindingCode code;
    private final Severity severity;

    OwnershipIssue(FindingCode code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    /** The finding's code, in the one list of codes. */
    public FindingCode code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }
}
