package io.hadeck.console.commands.action;

import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plan and its progress as lines of text, shared by the CLI's printer and the TUI dialog so both
 * say the same thing: preflight with current values, steps with their exact calls, data loss.
 */
public final class PlanText {
    private PlanText() {
    }

    public static List<String> plan(Plan p, boolean unicode) {
        List<String> out = new ArrayList<>();
        out.add(p.action() + " " + p.target() + " on cluster " + p.cluster());
        out.add("Preflight:");
        for (Check c : p.preflight()) {
            out.add("  " + check(c, unicode));
        }
        out.add("Steps:");
        if (p.steps().isEmpty()) {
            out.add("  (none: the preflight refuses)");
        }
        for (int i = 0; i < p.steps().size(); i++) {
            Step s = p.steps().get(i);
            out.add("  " + (i + 1) + ". " + s.title());
            out.add("     call:   " + s.call().description());
            out.add("     expect: " + s.expected() + " (within " + s.deadline().toSeconds() + " s)");
        }
        out.add("End: " + p.expectedEnd());
        if (p.canLoseData()) {
            out.add("DATA LOSS: " + p.dataLoss());
        }
        return out;
    }

    /** "✓ candidate lag: 0 B behind — within the limit of 16 MiB". */
    public static String check(Check c, boolean unicode) {
        String mark = c.pass() ? (unicode ? "✓" : "ok") : (unicode ? "✗" : "NO");
        return mark + " " + c.name() + ": " + c.current() + " — " + c.reason();
    }

    public static String stepStarted(int number, int of, Step step) {
        return "step " + number + "/" + of + " " + step.title() + ": " + step.call().description();
    }

    public static String stepFinished(StepResult r) {
        String took = String.format(Locale.ROOT, "%.1f s", r.took().toMillis() / 1000.0);
        return "  " + (r.ok() ? "ok" : "FAILED") + " after " + took + ": " + r.verdict().sentence();
    }
}
