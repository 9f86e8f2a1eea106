package io.hadeck.actions.runbook;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.lock.ActionLock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The confirmed plan's steps, run one after the other: the lock confirmed before each, the call, then
 * its verification on fresh readings until the end state shows or the step's deadline passes, each
 * part in the audit trail. The runner decides whether to get here; this is what happens once it has.
 */
final class StepRun {
    /** How long to wait between two fresh readings while verifying a step. */
    static final Duration POLL = Duration.ofMillis(500);

    private final Clock clock;
    private final RunbookRunner.Pause pause;
    private final Runbook runbook;
    private final Plan plan;
    private final AuditTrail trail;
    private final RunListener listener;

    StepRun(Clock clock, RunbookRunner.Pause pause, Runbook runbook, Plan plan, AuditTrail trail, RunListener listener) {
        this.clock = clock;
        this.pause = pause;
        this.runbook = runbook;
        this.plan = plan;
        this.trail = trail;
        this.listener = listener;
    }

    /** Each step in order while the lock is held; the first call that fails or end state that does not show stops the run. */
    RunReport execute(ActionLock.Held held) {
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
                return stopped(done, r, label);
            }
            Verdict v = verify(step);
            StepResult r = new StepResult(number, of, step.title(), step.call().description(), answer, v,
                    Duration.between(t0, clock.instant()));
            if (!v.ok()) {
                return stopped(done, r, label);
            }
            done.add(r);
            trail.write(label, "ok", v.sentence());
            listener.stepFinished(r);
        }
        String last = done.isEmpty() ? plan.expectedEnd() : done.get(done.size() - 1).verdict().sentence();
        return new RunReport(RunReport.Outcome.DONE, plan, done, "done: " + last);
    }

    private RunReport stopped(List<StepResult> done, StepResult failed, String label) {
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
}
