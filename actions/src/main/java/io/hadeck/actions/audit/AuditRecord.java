package io.hadeck.actions.audit;

/**
 * One line of the audit log. {@code step} says which part of a run it is ("plan", "preflight",
 * "confirm", "lock", "step 2/3 …", "end"); {@code result} is ok, refused, failed, confirmed,
 * not-confirmed, dry-run; {@code detail} is the outcome sentence. Never a secret.
 */
public record AuditRecord(String time, String user, String host, String cluster, String action, String target,
                          String step, String result, String detail) {
}
