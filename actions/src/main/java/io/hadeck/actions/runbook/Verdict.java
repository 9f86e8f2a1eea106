package io.hadeck.actions.runbook;

/**
 * A verification against fresh readings: passed or not, and the one sentence that says so, in
 * Patroni's style ("node-2 is primary on timeline 3; node-1 streams from it"). The screen, the
 * audit log and the tests all use this sentence.
 */
public record Verdict(boolean ok, String sentence, boolean unverifiable) {

    public Verdict(boolean ok, String sentence) {
        this(ok, sentence, false);
    }

    public static Verdict ok(String sentence) {
        return new Verdict(true, sentence);
    }

    public static Verdict notYet(String sentence) {
        return new Verdict(false, sentence);
    }

    /**
     * The end state cannot be read at all (the manager does not report it): waiting would not
     * help, so the step stops now with "cannot verify: …" instead of running out its deadline.
     */
    public static Verdict cannotVerify(String why) {
        return new Verdict(false, "cannot verify: " + why, true);
    }
}
