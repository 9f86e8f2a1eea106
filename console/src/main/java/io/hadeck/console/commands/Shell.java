package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.commands.base.SessionFactory;
import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.line.LineSplitter;
import io.hadeck.console.session.Session;
import io.hadeck.config.ConfigException;
import io.hadeck.console.theme.ThemeException;
import io.hadeck.console.condition.ConditionException;
import io.hadeck.console.condition.Vocabulary;
import io.hadeck.parse.ParseException;
import io.hadeck.console.output.SafeOutput;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one command layer: the picocli tree built from {@link Commands}, run from argv, from a
 * REPL/TUI line or from a batch file. Every error becomes one line and an exit code here.
 */
public final class Shell implements CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);

    private final Session session;
    private final SessionFactory factory;
    private final CommandLine root;
    /** The commands in the tree so far, in {@link Commands#ALL} order. */
    private final List<Class<?>> added = new ArrayList<>();
    private boolean applyGlobals;
    private String location;

    public Shell(Session session) {
        this.session = session;
        this.factory = new SessionFactory(session, this);
        this.root = new CommandLine(HadeckCommand.class, factory);
        root.setExecutionExceptionHandler(this::onException);
        root.setParameterExceptionHandler(this::onBadInput);
        root.setExecutionStrategy(this::execute);
        root.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The whole command tree: the REPL, batch files, help and completion need every command. */
    public CommandLine root() {
        addCommands(Commands.ALL);
        return root;
    }

    /**
     * Adds these commands to the tree, keeping {@link Commands#ALL}'s order. Building a command's
     * picocli model costs reflection over its class, ~0.2 s for all of them on a cold JVM, so a
     * one-shot `hadeck status` builds only its own (see {@link #main}).
     */
    private synchronized void addCommands(List<Class<?>> wanted) {
        if (added.containsAll(wanted)) {
            return;
        }
        Map<Class<?>, CommandLine> built = new LinkedHashMap<>();
        for (Class<?> c : added) {
            CommandLine cl = root.getCommandSpec().removeSubcommand(CommandNames.of(c).get(0));
            built.put(c, cl);
        }
        added.clear();
        for (Class<?> c : Commands.ALL) {
            if (built.containsKey(c) || wanted.contains(c)) {
                root.addSubcommand(built.containsKey(c) ? built.get(c) : new CommandLine(c, factory));
                added.add(c);
            }
        }
        root.setCaseInsensitiveEnumValuesAllowed(true);   // applies to the commands present now
        // a cluster may be named like a command: `--cluster pair pair status` (init names a pair alone "pair")
        root.setAllowSubcommandsAsOptionParameters(true);
    }

    public Session session() {
        return session;
    }

    /** The process's own arguments: global options apply. */
    public int main(String[] args, PrintWriter out, PrintWriter err) {
        addCommands(CommandNames.needed(root.getCommandSpec(), args));
        applyGlobals = true;
        try {
            return executeArgv(List.of(args), out, err);
        } finally {
            applyGlobals = false;
        }
    }

    /** One line as typed at a prompt or in a batch file: ';' separated, stops at the first failure. */
    public int run(String line, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = SafeOutput.wrap(rawOut);
        PrintWriter err = SafeOutput.wrap(rawErr);
        root();
        int code = ExitCode.OK;
        List<List<String>> commands;
        try {
            commands = LineSplitter.commands(line);
        } catch (CommandException e) {
            err.println(prefix() + e.getMessage());
            err.flush();
            return e.exitCode();
        }
        for (List<String> raw : commands) {
            List<String> argv;
            try {
                // Expanded per command, so `set N x; echo $N` on one line works.
                argv = raw.stream().map(session.batch()::expand).toList();
            } catch (CommandException e) {
                err.println(prefix() + e.getMessage());
                err.flush();
                return e.exitCode();
            }
            code = executeArgv(argv, out, err);
            if (code != ExitCode.OK || session.batch().exitRequested() != null) {
                break;
            }
        }
        return code;
    }

    /** One command's argv, with the whole command tree (a command may run others: watch, console). */
    public int execute(List<String> argv, PrintWriter out, PrintWriter err) {
        root();
        return executeArgv(argv, out, err);
    }

    private int executeArgv(List<String> argv, PrintWriter out, PrintWriter err) {
        root.setOut(SafeOutput.wrap(out));
        root.setErr(SafeOutput.wrap(err));
        return root.execute(argv.toArray(String[]::new));
    }

    /**
     * Parses one command without running it and runs its own checks (conditions, durations); a
     * batch file is validated this way, line by line, before its first command runs.
     *
     * @throws CommandException exit 2 with the message
     */
    public void validate(List<String> argv, Vocabulary vocabulary) {
        try {
            ParseResult pr = root().parseArgs(argv.toArray(String[]::new));
            List<CommandLine> parsed = pr.asCommandLineList();
            Object leaf = parsed.get(parsed.size() - 1).getCommand();
            if (leaf instanceof BaseCommand c) {
                c.validate(vocabulary);
            }
        } catch (ParameterException e) {
            throw CommandException.usage(describe(e));
        } catch (ConditionException e) {
            throw CommandException.usage(e.getMessage());
        }
    }

    /** Set by the batch runner so errors name FILE:LINE instead of "hadeck". */
    public void location(String where) {
        this.location = where;
    }

    public String prefix() {
        return location == null ? "hadeck: " : location + ": ";
    }

    private int execute(ParseResult pr) {
        if (applyGlobals) {
            // once: lines a batch file runs inside this command must not reset --config/--cluster
            applyGlobals = false;
            HadeckCommand globals = root.getCommand();
            session.settings().configure(globals.options());
        }
        return new CommandLine.RunLast().execute(pr);
    }

    private int onException(Exception ex, CommandLine cl, ParseResult pr) {
        int code;
        String message;
        if (ex instanceof CommandException ce) {
            code = ce.exitCode();
            message = ce.getMessage();
        } else if (ex instanceof io.hadeck.actions.audit.AuditLog.Unwritable u) {
            code = ExitCode.REFUSED;
            message = u.getMessage();
        } else if (ex instanceof ConfigException || ex instanceof ParseException || ex instanceof ConditionException
                || ex instanceof ThemeException) {
            // The operator's input. An IllegalArgumentException is not: it is a bug, and says so below.
            code = ExitCode.USAGE;
            message = ex.getMessage();
        } else if (ex instanceof InterruptedException) {
            code = ExitCode.INTERRUPTED;
            message = "cancelled";
        } else {
            code = ExitCode.FAILED;
            message = "internal error: " + ex + " (details in " + io.hadeck.console.output.LogFile.path() + ")";
        }
        LOG.warn("command {} failed with exit {}", cl.getCommandName(), code, ex);
        if (code == ExitCode.INTERRUPTED) {
            return code; // Ctrl-C: the REPL says "cancelled"; a shell prints nothing
        }
        cl.getErr().println(prefix() + message);
        cl.getErr().flush();
        return code;
    }

    private int onBadInput(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println(prefix() + describe(ex));
        cl.getErr().flush();
        return ExitCode.USAGE;
    }

    static String describe(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        String msg = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && cl.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            msg = "unknown command '" + u.getUnmatched().get(0) + "'";
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                msg += " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
            } else {
                msg += " (try: help)";
            }
            return msg;
        }
        String name = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^hadeck ?", "");
        return (name.isEmpty() ? "" : name + ": ") + msg + (name.isEmpty() ? " (try: help)" : " (try: help " + name + ")");
    }

    /** Command names and descriptions, for help and completion. */
    public Map<String, CommandLine> commands() {
        return root().getSubcommands();
    }
}
