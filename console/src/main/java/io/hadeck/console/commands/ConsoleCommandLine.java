package io.hadeck.console.commands;

import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.session.Session;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.line.LineSplitter;
import io.hadeck.console.repl.ReplCompleter;
import io.hadeck.console.tui.CommandBar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

/** The full-screen console's ':' line over the shared command layer: output comes back as text. */
public final class ConsoleCommandLine implements CommandBar {

    /** These take over the terminal or never end; the console has its own views for them. */
    private static final Set<String> NOT_HERE = Set.of("repl", "console", "watch");

    private final CommandRunner shell;
    private final ReplCompleter completer;

    public ConsoleCommandLine(Session session, CommandRunner shell) {
        this.shell = shell;
        this.completer = new ReplCompleter(session, shell);
    }

    @Override
    public synchronized Result run(String line) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text, true);
        List<List<String>> commands;
        try {
            commands = LineSplitter.commands(line);
        } catch (CommandException e) {
            return new Result(e.exitCode(), e.getMessage());
        }
        for (List<String> argv : commands) {
            if (NOT_HERE.contains(argv.get(0)) || argv.contains("--watch") || argv.contains("--follow")) {
                return new Result(ExitCode.USAGE, argv.get(0) + " runs only in a shell or the REPL (hadeck repl)");
            }
        }
        int code = shell.run(line, w, w);
        w.flush();
        return new Result(code, text.toString().stripTrailing());
    }

    @Override
    public List<String> complete(String buffer) {
        return completer.complete(buffer);
    }
}
