package io.hadeck.actions.runbook;

/**
 * Who may say yes to an action, the same for every front end. Two words can be needed: the target's
 * name, and LOSE DATA for a plan that can lose data. Rules:
 * <ul>
 *   <li>the console always asks in its dialog: it has no flags, and -y is no session-wide setting;</li>
 *   <li>--yes gives the name in the REPL, a batch file and a one-shot command;</li>
 *   <li>data loss needs LOSE DATA typed at a terminal in the console and the REPL; in a batch file
 *       and a one-shot command it needs --accept-data-loss together with --yes (a one-shot command
 *       with neither flag asks at its terminal);</li>
 *   <li>without a terminal only flags count: what is piped in is never taken as typed.</li>
 * </ul>
 */
public final class ConfirmationRules {

    /** How one word gets its answer. */
    public enum How { FLAG, ASK, REFUSE }

    /** The decision for one word, with the sentence for the audit log or the refusal. */
    public record Decision(How how, String why) {
    }

    private ConfirmationRules() {
    }

    /** The target's name. */
    public static Decision name(RunOptions o, boolean terminal) {
        if (o.yes() && o.frontEnd() != FrontEnd.CONSOLE) {
            return new Decision(How.FLAG, "given in advance (--yes)");
        }
        if (terminal && o.frontEnd() != FrontEnd.BATCH) {
            return new Decision(How.ASK, "typed by the operator at a terminal");
        }
        return new Decision(How.REFUSE, "refused: nobody to confirm (" + where(o) + "); add --yes to run without asking");
    }

    /** LOSE DATA, for a plan that can lose data. */
    public static Decision dataLoss(RunOptions o, boolean terminal) {
        switch (o.frontEnd()) {
            case CONSOLE, REPL -> {
                if (terminal) {
                    return new Decision(How.ASK, "typed by the operator at a terminal");
                }
            }
            case ONE_SHOT -> {
                if (terminal && !o.yes()) {
                    return new Decision(How.ASK, "typed by the operator at a terminal");
                }
            }
            case BATCH -> {
            }
        }
        if (o.yes() && o.acceptDataLoss()) {
            return new Decision(How.FLAG, "accepted in advance (--yes --accept-data-loss)");
        }
        return new Decision(How.REFUSE, "refused: this plan can lose data and " + (o.yes()
                ? "--yes alone does not accept that; add --accept-data-loss"
                : "nobody can type " + Plan.DATA_LOSS_WORD + " (" + where(o) + "); add --yes --accept-data-loss")
                + "; nothing was done");
    }

    private static String where(RunOptions o) {
        return switch (o.frontEnd()) {
            case BATCH -> "batch file";
            case CONSOLE -> "console without a terminal";
            case REPL, ONE_SHOT -> "no terminal";
        };
    }
}
