package io.hadeck.console.commands;

import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.session.Session;
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
        return open(session, shell, out(), err());
    }

    /**
     * The full-screen console over this session's watcher; without a terminal (a pipe, cron) it
     * would have nothing to draw on, so the status is printed instead.
     */
    static int open(Session session, CommandRunner shell, PrintWriter out, PrintWriter err) {
        if (!io.hadeck.console.session.Terminals.attached()) {
            int code = shell.execute(List.of("status"), out, err);
            out.println("(no terminal: showed the status instead of the full-screen console)");
            out.flush();
            return code;
        }
        try (GuidedActions actions = new GuidedActions(session.settings().config(), session.settings().cluster(), session.clock(),
                session.settings().options().readOnly())) {
            // --read-only only: a cluster's own readOnly is recomputed whenever `:cluster` changes the cluster
            // The readers start after the first frame (drawn from the config alone), not before it.
            ConsoleContext ctx = new ConsoleContext(session.settings().config(), session.settings().cluster(), session.connection().source(false),
                    new ConsoleCommandLine(session, shell), session.settings().options().theme(), session.settings().options().readOnly(),
                    io.hadeck.console.output.LogFile.path(), session.connection()::switchCluster).withActions(actions)
                    .withJournal(new io.hadeck.console.journal.SessionJournal(session));
            session.asking().confirmer(Confirmer.NOBODY);
            session.asking().frontEnd(io.hadeck.actions.runbook.FrontEnd.CONSOLE);
            session.asking().actionDialogs(actions::open);
            try {
                return ConsoleApp.run(ctx, session.connection()::startWatching);
            } finally {
                session.asking().actionDialogs(null);
            }
        }
    }
}
