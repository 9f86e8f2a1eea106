package io.hadeck.actions.runbook;

import io.hadeck.actions.audit.AuditLog;

/** One run's lines in the audit log: each part of the run as it happens, and how it ended. */
final class AuditTrail {
    private final AuditLog audit;
    private final Plan plan;

    AuditTrail(AuditLog audit, Plan plan) {
        this.audit = audit;
        this.plan = plan;
    }

    void write(String step, String result, String detail) {
        audit.append(plan.cluster(), plan.action(), plan.target(), step, result, detail);
    }

    RunReport end(RunReport r, String step) {
        String result = switch (r.outcome()) {
            case DRY_RUN -> "dry-run";
            case REFUSED -> "refused";
            case NOT_CONFIRMED -> "not-confirmed";
            case DONE -> "ok";
            case FAILED -> "failed";
        };
        write(step, result, r.summary());
        return r;
    }
}
