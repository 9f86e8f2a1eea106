package io.hadeck.actions.runbook;

/**
 * A verification against fresh readings: passed or not, and the one sentence that says so, in
 * Patroni's style ("node-2 is primary on timeline 3; node-1 streams from it"). The screen, the
 * audit log and the tests all use this sentence.
 */
public record Verdict(boolean ok, String sentence) {

    public static Verdict ok(String sentence) {
        return new Verdict(true, sentence);
    }

    public static Verdict notYet(String sentence) {
        return new Verdict(false, sentence);
    }
}
