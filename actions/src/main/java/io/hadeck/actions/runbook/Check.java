package io.hadeck.actions.runbook;

/**
 * One preflight check as the operator sees it: what was checked, its current value, pass or fail,
 * and why (for a failure: what to do about it).
 */
public record Check(String name, String current, boolean pass, String reason) {

    public static Check pass(String name, String current, String reason) {
        return new Check(name, current, true, reason);
    }

    public static Check fail(String name, String current, String reason) {
        return new Check(name, current, false, reason);
    }
}
