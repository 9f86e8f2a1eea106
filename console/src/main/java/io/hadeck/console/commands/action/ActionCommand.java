package io.hadeck.console.commands.action;

import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.actions.ActionException;
import io.hadeck.actions.catalogue.ActionCatalogue;
import io.hadeck.actions.catalogue.ActionKit;
import io.hadeck.actions.catalogue.ActionRequest;
import io.hadeck.actions.runbook.FrontEnd;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.StepResult;
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

    @Option(names = {"-y", "--yes"}, description = "Confirm the target without typing it (batch files and one-shot commands without a terminal).")
    boolean yes;

    @Option(names = "--accept-data-loss", description = "With --yes: accept a plan that can lose data (else such a plan is refused, exit 4). In the REPL and the console LOSE DATA is typed instead.")
    boolean acceptDataLoss;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why you act (a ticket, an incident): recorded in the audit log with the action.")
    String reason;

    @Option(names = "--json", description = "Print the plan and the report as JSON at the end instead of progress text.")
    boolean json;

    /** The request for this command on {@code cluster}, the one the operator is looking at. */
    protected abstract ActionRequest request(String cluster);

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
        validate(Vocabulary.of(session.settings().cluster()));
        ActionRequest request = request(session.settings().cluster().name());
        var dialogs = session.asking().actionDialogs();
        if (dialogs != null && !dryRun && !json) {
            dialogs.accept(request);   // the console's `:` line: the same dialog as the key, which says everything
            return ExitCode.OK;
        }
        FrontEnd front = session.asking().frontEnd();
        // -y before the command is a setting of one-shot runs and batch files, never of a REPL session
        boolean yesNow = yes || session.settings().options().assumeYes() && (front == FrontEnd.ONE_SHOT || front == FrontEnd.BATCH);
        RunOptions options = new RunOptions(dryRun, session.settings().readOnly(), front, yesNow, acceptDataLoss, reason);
        Confirmer confirmer = session.asking().confirmer();
        try (ActionKit kit = new ActionKit(session.settings().cluster(), session.clock())) {
            RunReport report;
            try {
                Runbook runbook = ActionCatalogue.runbook(kit, request);
                report = kit.runner().run(runbook, options, confirmer, json ? RunListener.NONE : new Progress(out()));
            } catch (ActionException e) {
                // the plan could not even be made (the HA manager did not answer): say so and audit it
                kit.audit().append(kit.cluster().name(), spec.name(), String.join(" ", java.util.Arrays.stream(nodes())
                        .filter(java.util.Objects::nonNull).toList()), "plan", "failed", e.getMessage());
                throw CommandException.unreachable("cannot plan " + spec.name() + ": " + e.getMessage());
            }
            session.connection().refresh();
            return account(report);
        }
    }

    private int account(RunReport report) {
        String summary = report.summary();
        if (json) {
            java.util.Map<String, Object> j = new java.util.LinkedHashMap<>(ReportJson.report(report));
            j.put("summary", summary);
            out().println(Json.write(j));
            out().flush();
        } else if (report.exitCode() == ExitCode.OK) {
            out().println(summary);
            out().flush();
        } else {
            err().println(shell.prefix() + spec.name() + ": " + summary);
            err().flush();
        }
        return report.exitCode();
    }

    /** Prints the plan and each step as the runner reports it. */
    private static final class Progress implements RunListener {
        private final PrintWriter out;
        private final boolean unicode = io.hadeck.console.output.Symbols.detect().unicode();

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void planned(Plan plan) {
            PlanText.plan(plan, unicode).forEach(out::println);
            out.flush();
        }

        @Override
        public void changed(String what) {
            out.println("The cluster changed since you confirmed: " + what + ". The new plan follows; confirm again.");
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
