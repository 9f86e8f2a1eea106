package io.hadeck.console.commands;

import io.hadeck.console.Session;
import io.hadeck.console.tui.ConsoleApp;
import io.hadeck.console.tui.ConsoleContext;
import io.hadeck.console.tui.action.GuidedActions;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the full-screen console (what `hadeck` with no command does).")
public class ConsoleCommand extends BaseCommand {

    @Override
    public Integer call() {
        return open(session, out(), err());
    }

    /**
     * The full-screen console over this session's watcher; without a terminal (a pipe, cron) it
     * would have nothing to draw on, so the status is printed instead.
     */
    static int open(Session session, PrintWriter out, PrintWriter err) {
        if (!io.hadeck.console.Terminals.attached()) {
            int code = session.shell().execute(List.of("status"), out, err);
            out.println("(no terminal: showed the status instead of the full-screen console)");
            out.flush();
            return code;
        }
        try (GuidedActions actions = new GuidedActions(session.config(), session.cluster(), session.clock(),
                session.options().readOnly())) {
            // --read-only only: a cluster's own readOnly is recomputed whenever `:cluster` changes the cluster
            // The readers start after the first frame (drawn from the config alone), not before it.
            ConsoleContext ctx = new ConsoleContext(session.config(), session.cluster(), session.source(false),
                    new ConsoleCommandLine(session.shell()), session.options().theme(), session.options().readOnly(),
                    Session.logFile(), session::switchCluster).withActions(actions)
                    .withJournal(new io.hadeck.console.journal.SessionJournal(session));
            session.confirmer(io.hadeck.console.Confirmer.NOBODY);
            session.frontEnd(io.hadeck.actions.runbook.FrontEnd.CONSOLE);
            session.actionDialogs(actions::open);
            try {
                return ConsoleApp.run(ctx, session::startWatching);
            } finally {
                session.actionDialogs(null);
            }
        }
    }
}
