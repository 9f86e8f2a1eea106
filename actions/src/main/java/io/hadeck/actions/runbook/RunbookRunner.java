package io.hadeck.actions.runbook;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.lock.ActionLock;
import io.hadeck.actions.lock.LockHeldException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a runbook the same way from every front end: plan → the operator's choices → preflight →
 * (dry run stops here) → confirmation by {@link ConfirmationRules} (the name, and LOSE DATA when
 * data can be lost) → action lock → the plan read again and compared with the one confirmed (stop
 * and ask again, or refuse, when it changed or the confirmation is older than
 * {@link #CONFIRMATION_LIFETIME}) → each step after confirming the lock, then its verification on
 * fresh readings until it passes or its deadline runs out ({@link StepRun}) → stop at the first failure
 * with an account of where and of the cluster's state. Every part is written to the audit log first.
 */
public final class RunbookRunner {

    /** How long to wait between two fresh readings while verifying a step. */
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    /** A plan confirmed longer ago than this is read and confirmed again. */
    public static final Duration CONFIRMATION_LIFETIME = Duration.ofSeconds(60);
    /** How often a changed cluster is shown and asked about again before the run gives up. */
    static final int ROUNDS = 3;

    private final AuditLog audit;
    private final ActionLock lock;
    private final Clock clock;
    private final Pause pause;

    public RunbookRunner(AuditLog audit, ActionLock lock, Clock clock) {
        this(audit, lock, clock, d -> Thread.sleep(d.toMillis()));
    }

    public RunbookRunner(AuditLog audit, ActionLock lock, Clock clock, Pause pause) {
        this.audit = audit;
        this.lock = lock;
        this.clock = clock;
        this.pause = pause;
    }

    public RunReport run(Runbook runbook, RunOptions options, Confirmer confirmer, RunListener listener) {
        Runbook rb = runbook;
        Plan plan = rb.plan();
        AuditTrail trail = new AuditTrail(audit, plan);
        if (options.reason() != null) {
            trail.write("reason", "given", options.reason());
        }
        for (int round = 1; ; round++) {
            Instant shown = clock.instant();
            trail.write("plan", "planned", planText(plan));
            listener.planned(plan);
            while (plan.question() != null && plan.refused() && !options.dryRun() && confirmer.present()
                    && options.frontEnd() != FrontEnd.BATCH) {
                Plan.Question q = plan.question();
                Optional<String> answer = confirmer.choose(q.prompt(), q.options());
                if (answer.isEmpty() || !q.options().contains(answer.get())) {
                    return finish(listener, trail, new RunReport(RunReport.Outcome.NOT_CONFIRMED, plan, List.of(),
                            "no choice made (" + q.prompt() + "): nothing was done"), "choose " + q.id());
                }
                trail.write("choose " + q.id(), "chosen", answer.get() + ", chosen by the operator at a terminal");
                rb = rb.answer(q.id(), answer.get());
                plan = rb.plan();
                trail.write("plan", "planned", planText(plan));
                listener.planned(plan);
            }
            RunReport early = gate(plan, options, confirmer, trail);
            if (early != null) {
                return finish(listener, trail, early, null);
            }
            Duration confirmedAfter = Duration.between(shown, clock.instant());
            ActionLock.Held held;
            try {
                held = lock.acquire();
            } catch (LockHeldException e) {
                return finish(listener, trail, new RunReport(RunReport.Outcome.REFUSED, plan, List.of(), e.getMessage()), "lock");
            } catch (ActionException e) {
                return finish(listener, trail, new RunReport(RunReport.Outcome.REFUSED, plan, List.of(),
                        "refused: " + e.getMessage()), "lock");
            }
            try (held) {
                trail.write("lock", "ok", "action lock taken by " + held.holderText());
                Plan again = rb.plan();
                List<String> changes = new ArrayList<>(PlanChanges.between(plan, again));
                if (confirmedAfter.compareTo(CONFIRMATION_LIFETIME) > 0) {
                    changes.add(0, "the confirmation came " + confirmedAfter.toSeconds() + " s after the plan was shown"
                            + " (limit " + CONFIRMATION_LIFETIME.toSeconds() + " s)");
                }
                if (changes.isEmpty() && again.refused()) {
                    changes.add("the preflight now fails: " + reasons(again));
                }
                if (changes.isEmpty()) {
                    trail.write("recheck", "ok", "read again after confirmation: the plan still holds");
                    return finish(listener, trail, new StepRun(clock, pause, rb, again, trail, listener).execute(held), "end");
                }
                String what = String.join("; ", changes);
                trail.write("recheck", "changed", what);
                boolean askAgain = round < ROUNDS && confirmer.present()
                        && ConfirmationRules.name(options, true).how() == ConfirmationRules.How.ASK;
                if (!askAgain) {
                    return finish(listener, trail, new RunReport(RunReport.Outcome.REFUSED, again, List.of(),
                            "stopped before any step: the cluster changed since the plan was confirmed: " + what
                                    + ". Nothing was done; run the action again to see the new plan."), "recheck");
                }
                listener.changed(what);
                plan = again;
            }
        }
    }

    /** Read-only, preflight, lock held elsewhere, dry run, confirmation: a report when the run stops here. */
    private RunReport gate(Plan plan, RunOptions options, Confirmer confirmer, AuditTrail trail) {
        if (options.readOnly()) {
            String why = "refused: hadeck runs read-only (--read-only or readOnly in the configuration); no action is taken";
            return trail.end(new RunReport(RunReport.Outcome.REFUSED, plan, List.of(), why), "read-only");
        }
        for (Check c : plan.preflight()) {
            trail.write("preflight " + c.name(), c.pass() ? "ok" : "refused", c.current() + " — " + c.reason());
        }
        if (plan.refused()) {
            return trail.end(new RunReport(RunReport.Outcome.REFUSED, plan, List.of(), "refused: " + reasons(plan)), "preflight");
        }
        if (options.dryRun()) {
            return trail.end(new RunReport(RunReport.Outcome.DRY_RUN, plan, List.of(),
                    "dry run: preflight passed; nothing was done" + (plan.canLoseData()
                            ? " (a real run needs the data-loss acceptance: " + plan.dataLoss() + ")" : "")), "dry-run");
        }
        Optional<String> other = safeHolder();
        if (other.isPresent()) {
            return trail.end(new RunReport(RunReport.Outcome.REFUSED, plan, List.of(),
                    new LockHeldException(plan.cluster(), other.get()).getMessage()), "lock");
        }
        boolean terminal = confirmer.present();
        RunReport r = word(plan, ConfirmationRules.name(options, terminal), confirmer, "Type the target's name ("
                + plan.confirmWord() + ") to " + plan.action() + ":", plan.confirmWord(), "confirm", trail);
        if (r == null && plan.canLoseData()) {
            r = word(plan, ConfirmationRules.dataLoss(options, terminal), confirmer, plan.dataLoss() + " Type "
                    + Plan.DATA_LOSS_WORD + " to accept:", Plan.DATA_LOSS_WORD, "confirm data loss", trail);
        }
        if (r == null && options.reason() == null && options.frontEnd() == FrontEnd.CONSOLE && terminal) {
            confirmer.ask("Why? A reason for the audit log (optional; Enter skips):")
                    .filter(t -> !t.isBlank()).ifPresent(t -> trail.write("reason", "given", t.strip()));
        }
        return r;
    }

    private RunReport word(Plan plan, ConfirmationRules.Decision d, Confirmer confirmer, String question, String expected,
                           String step, AuditTrail trail) {
        switch (d.how()) {
            case REFUSE -> {
                return trail.end(new RunReport(RunReport.Outcome.NOT_CONFIRMED, plan, List.of(), d.why()), step);
            }
            case ASK -> {
                if (!confirmer.confirm(question, expected)) {
                    return trail.end(new RunReport(RunReport.Outcome.NOT_CONFIRMED, plan, List.of(),
                            expected.equals(Plan.DATA_LOSS_WORD) ? "data loss not accepted: nothing was done"
                                    : "not confirmed: nothing was done"), step);
                }
            }
            case FLAG -> {
            }
        }
        trail.write(step, "confirmed", expected + " " + d.why());
        return null;
    }

    private Optional<String> safeHolder() {
        try {
            return lock.holder();
        } catch (ActionException e) {
            return Optional.empty(); // acquire() will say what is wrong with the lock
        }
    }

    private static String reasons(Plan plan) {
        return plan.failedChecks().stream().map(Check::reason).collect(Collectors.joining("; "));
    }

    private RunReport finish(RunListener listener, AuditTrail trail, RunReport report, String step) {
        if (step != null) {
            trail.end(report, step);
        }
        listener.finished(report);
        return report;
    }

    static String planText(Plan plan) {
        return plan.steps().stream().map(s -> s.title() + ": " + s.call().description())
                .collect(Collectors.joining(" | ")) + " → " + plan.expectedEnd();
    }
}
