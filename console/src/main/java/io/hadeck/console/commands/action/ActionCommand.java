package io.hadeck.console.commands.action;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.StepResult;
import io.hadeck.console.commands.BaseCommand;
import io.hadeck.console.commands.CommandException;
import io.hadeck.console.commands.ExitCode;
import io.hadeck.console.condition.Vocabulary;
import io.hadeck.console.output.Json;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * One guided action from the command line, the same flow for all of them: plan → preflight with
 * current values → (--dry-run stops) → typed confirmation (or --yes; refused without an operator)
 * → the etcd action lock → verified steps printed as they run → the account, exit 0 / 4 / 5.
 * The runner audits every part, refusals included.
 */
public abstract class ActionCommand extends BaseCommand {

    @Option(names = "--dry-run", description = "Show the plan and the preflight, change nothing (exit 0 if the preflight passes, else 4).")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Confirm without typing (needed in batch files and without a terminal).")
    boolean yes;

    @Option(names = "--json", description = "Print the plan and the report as JSON at the end instead of progress text.")
    boolean json;

    /** The runbook for this command, built from the kit (its manager, readings, cluster). */
    protected abstract Runbook runbook(ActionKit kit);

    /** Node names this command takes, checked against the config before anything runs. */
    protected String[] nodes() {
        return new String[0];
    }

    @Override
    public void validate(Vocabulary vocabulary) {
        if (vocabulary == null) {
            return;
        }
        for (String n : nodes()) {
            if (n != null && !vocabulary.nodes().contains(n)) {
                throw CommandException.usage("no node named '" + n + "' (known: " + String.join(", ", vocabulary.nodes()) + ")");
            }
        }
    }

    @Override
    public Integer call() {
        validate(Vocabulary.of(session.cluster()));
        OperatorConfirmer confirmer = new OperatorConfirmer(session.confirmer());
        RunOptions options = new RunOptions(dryRun, yes || session.options().assumeYes(), session.readOnly());
        try (ActionKit kit = new ActionKit(session.cluster(), session.clock())) {
            Runbook runbook;
            RunReport report;
            try {
                runbook = runbook(kit);
                report = kit.runner().run(runbook, options, confirmer, json ? RunListener.NONE : new Progress(out()));
            } catch (ActionException e) {
                // the plan could not even be made (the HA manager did not answer): say so and audit it
                kit.audit().append(kit.cluster().name(), spec.name(), String.join(" ", nodes()), "plan", "failed", e.getMessage());
                throw CommandException.unreachable("cannot plan " + spec.name() + ": " + e.getMessage());
            }
            session.refresh();
            return account(report, confirmer);
        }
    }

    private int account(RunReport report, OperatorConfirmer confirmer) {
        String summary = report.summary();
        if (report.outcome() == RunReport.Outcome.NOT_CONFIRMED && confirmer.nobodyToAsk()) {
            summary = "refused: nobody to confirm (batch file, pipe or no terminal); add --yes to run without asking";
        }
        if (json) {
            java.util.Map<String, Object> j = new java.util.LinkedHashMap<>(ReportJson.report(report));
            j.put("summary", summary);
            out().println(Json.write(j));
            out().flush();
        } else if (report.exitCode() == ExitCode.OK) {
            out().println(summary);
            out().flush();
        } else {
            err().println(session.shell().prefix() + spec.name() + ": " + summary);
            err().flush();
        }
        return report.exitCode();
    }

    /** Prints the plan and each step as the runner reports it. */
    private static final class Progress implements RunListener {
        private final PrintWriter out;
        private final boolean unicode = io.hadeck.console.output.Style.detect().unicode();

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void planned(Plan plan) {
            PlanText.plan(plan, unicode).forEach(out::println);
            out.flush();
        }

        @Override
        public void stepStarted(int number, int of, Step step) {
            out.println(PlanText.stepStarted(number, of, step));
            out.flush();
        }

        @Override
        public void stepFinished(StepResult result) {
            out.println(PlanText.stepFinished(result));
            out.flush();
        }
    }
}
