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
 * fresh readings until it passes or its deadline runs out → stop at the first failure with an
 * account of where and of the cluster's state. Every part is written to the audit log first.
 */
public final class RunbookRunner {

    /** How long to wait between two fresh readings while verifying a step. */
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    static final Duration POLL = Duration.ofMillis(500);
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
        Trail trail = new Trail(plan);
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
                    return finish(listener, trail, execute(rb, again, held, trail, listener), "end");
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
    private RunReport gate(Plan plan, RunOptions options, Confirmer confirmer, Trail trail) {
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
                           String step, Trail trail) {
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

    private RunReport execute(Runbook runbook, Plan plan, ActionLock.Held held, Trail trail, RunListener listener) {
        List<StepResult> done = new ArrayList<>();
        int of = plan.steps().size();
        for (int i = 0; i < of; i++) {
            Step step = plan.steps().get(i);
            int number = i + 1;
            String label = "step " + number + "/" + of + " " + step.title();
            try {
                held.verify();
            } catch (ActionException e) {
                String why = e.getMessage() + ": stopped before step " + number + " of " + of + " (" + step.title()
                        + "); it and the steps after it were not run";
                trail.write(label, "not-run", why);
                return new RunReport(done.isEmpty() ? RunReport.Outcome.REFUSED : RunReport.Outcome.FAILED, plan, done,
                        why + ". Cluster now: " + runbook.stateNow());
            }
            listener.stepStarted(number, of, step);
            trail.write(label, "started", step.call().description());
            Instant t0 = clock.instant();
            String answer;
            try {
                answer = step.call().run();
            } catch (RuntimeException e) {
                String why = e instanceof ActionException ? e.getMessage() : e.toString();
                StepResult r = new StepResult(number, of, step.title(), step.call().description(), why,
                        Verdict.notYet("the call failed: " + why), Duration.between(t0, clock.instant()));
                return stopped(runbook, plan, trail, listener, done, r, label);
            }
            Verdict v = verify(step);
            StepResult r = new StepResult(number, of, step.title(), step.call().description(), answer, v,
                    Duration.between(t0, clock.instant()));
            if (!v.ok()) {
                return stopped(runbook, plan, trail, listener, done, r, label);
            }
            done.add(r);
            trail.write(label, "ok", v.sentence());
            listener.stepFinished(r);
        }
        String last = done.isEmpty() ? plan.expectedEnd() : done.get(done.size() - 1).verdict().sentence();
        return new RunReport(RunReport.Outcome.DONE, plan, done, "done: " + last);
    }

    private RunReport stopped(Runbook runbook, Plan plan, Trail trail, RunListener listener, List<StepResult> done,
                              StepResult failed, String label) {
        done.add(failed);
        trail.write(label, "failed", failed.verdict().sentence());
        listener.stepFinished(failed);
        String summary = "stopped at step " + failed.number() + " of " + failed.of() + " (" + failed.title() + "): "
                + failed.verdict().sentence() + ". Steps after it were not run. Cluster now: " + runbook.stateNow();
        return new RunReport(RunReport.Outcome.FAILED, plan, done, summary);
    }

    /** Fresh readings until the step's end state shows or its deadline passes; a failed read is "not yet". */
    private Verdict verify(Step step) {
        Instant deadline = clock.instant().plus(step.deadline());
        while (true) {
            Verdict v;
            try {
                v = step.verify().get();
            } catch (RuntimeException e) {
                v = Verdict.notYet("could not read the cluster: " + e.getMessage());
            }
            if (v.unverifiable()) {
                return v;
            }
            if (v.ok() || !clock.instant().isBefore(deadline)) {
                return v.ok() ? v : Verdict.notYet("not verified within " + step.deadline().toSeconds() + " s: "
                        + v.sentence());
            }
            try {
                pause.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Verdict.notYet("interrupted while verifying: " + v.sentence());
            }
        }
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

    private RunReport finish(RunListener listener, Trail trail, RunReport report, String step) {
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

    /** Writes audit lines for one run. */
    private final class Trail {
        private final Plan plan;

        Trail(Plan plan) {
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
}
