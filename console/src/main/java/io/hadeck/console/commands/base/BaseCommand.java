package io.hadeck.console.commands.base;

import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.session.Session;
import io.hadeck.console.output.Printer;
import io.hadeck.console.output.Reachability;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.Symbols;
import io.hadeck.model.ClusterSnapshot;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every hadeck command: the session is handed in by {@link SessionFactory}, output goes to
 * the command line's writers (the terminal, or a buffer for the TUI). Subclasses return an exit code.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected Session session;
    /** Runs other command lines (watch, run, help, the console): the command tree this command is in. */
    protected CommandRunner shell;

    public void session(Session s, CommandRunner runner) {
        this.session = s;
        this.shell = runner;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected Printer printer() {
        return new Printer(Symbols.detect());
    }

    /**
     * Checks run before anything executes (batch validation): override to parse conditions,
     * durations… and throw {@link CommandException#usage}.
     */
    public void validate(io.hadeck.console.condition.Vocabulary vocabulary) {
    }

    /** A snapshot for this command; exit 3 is decided by the caller via {@link #exitFor}. */
    protected ClusterSnapshot snapshot() {
        return session.connection().snapshot();
    }

    /** 3 with one line on stderr when no source answered, else {@code otherwise}. */
    protected int exitFor(ClusterSnapshot s, int otherwise) {
        if (Reachability.nothingReachable(s)) {
            err().println("hadeck: nothing reachable in cluster " + s.cluster() + " (" + Reachability.firstErrors(s, 3) + ")");
            err().flush();
            return ExitCode.UNREACHABLE;
        }
        return otherwise;
    }

    protected void print(Result r, boolean json) {
        printer().print(out(), r, json);
    }
}
