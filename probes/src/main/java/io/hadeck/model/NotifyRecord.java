package io.hadeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What keepalived's notify script on one node last recorded: the VRRP state it was told, when,
 * each cluster-script step as it was reached, and how it ended.
 *
 * @param at     when the notify script started, null if it did not say
 * @param steps  in the order reached
 * @param result "done", "refused", "failed", or null while the script still runs
 * @param reason why the instance is in FAULT (a refused takeover), or null
 */
public record NotifyRecord(VrrpState state, Integer priority, Instant at, List<Step> steps, String result,
                           String reason) {
    public NotifyRecord {
        steps = List.copyOf(steps);
    }

    /** One cluster-script step: {@code drbd-primary ok pc0}, {@code drbd-primary refused pc0: …}. */
    public record Step(String name, String outcome, String detail) {
        public boolean ok() {
            return "ok".equals(outcome) || "removed".equals(outcome);
        }

        public String describe() {
            return name + " " + outcome + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    public boolean finished() {
        return result != null;
    }

    public boolean refused() {
        return "refused".equals(result) || reason != null && reason.startsWith("takeover refused");
    }

    public Optional<Step> lastStep() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    /** "MASTER: vip ok, drbd-primary ok, mount ok (running)". */
    public String progress() {
        StringBuilder b = new StringBuilder(state.name()).append(':');
        for (Step s : steps) {
            b.append(' ').append(s.name()).append(' ').append(s.outcome()).append(',');
        }
        if (b.charAt(b.length() - 1) == ',') {
            b.setLength(b.length() - 1);
        }
        return b.append(result == null ? " (running)" : " (" + result + ")").toString();
    }
}
