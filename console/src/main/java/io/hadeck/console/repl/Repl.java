package io.hadeck.console.repl;

import io.hadeck.console.line.ExitCode;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.console.session.Session;
import io.hadeck.files.PrivateFiles;

import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.output.Health;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `hadeck repl`: a prompt over the same command layer, with completion, persistent history and a
 * prompt that shows the cluster's health. Each command runs on a worker thread so Ctrl-C
 * interrupts it (watch, wait-for, sleep) and not the REPL; Ctrl-D leaves.
 */
public final class Repl {

    private static final Logger LOG = LoggerFactory.getLogger(Repl.class);

    private final Session session;
    private final CommandRunner shell;

    public Repl(Session session, CommandRunner shell) {
        this.session = session;
        this.shell = shell;
    }

    public int run() throws IOException {
        // SIG_IGN: Ctrl-C must never kill the JVM; while a command runs we install our own handler.
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
            return run(terminal, historyFile());
        }
    }

    /** With a given terminal: tests drive this with JLine's ExternalTerminal. */
    public int run(Terminal terminal, Path history) {
        try {
            PrivateFiles.file(history);   // 0600 before JLine creates it with the umask: it holds what was typed
        } catch (IOException e) {
            LOG.warn("cannot create {}", history, e);
        }
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("hadeck")
                .completer(new ReplCompleter(session, shell))
                .variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
        Confirmer before = session.asking().confirmer();
        session.asking().confirmer(new ReaderConfirmer(reader));
        io.hadeck.actions.runbook.FrontEnd frontBefore = session.asking().frontEnd();
        session.asking().frontEnd(io.hadeck.actions.runbook.FrontEnd.REPL);
        PrintWriter out = terminal.writer();
        startWatching(out);
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return ExitCode.OK;
                }
                if (line.isBlank()) {
                    continue;
                }
                runInterruptibly(terminal, line, out);
                Integer exit = session.batch().exitRequested();
                if (exit != null) {
                    return exit;
                }
            }
        } finally {
            saveHistory(reader);
            session.asking().confirmer(before);
            session.asking().frontEnd(frontBefore);
        }
    }

    /** The prompt: {@code lab [ok] > }, {@code lab [CRIT 2] > }, {@code hadeck > } without a config. */
    String prompt() {
        if (!session.connection().watching()) {
            return "hadeck > ";
        }
        String health = session.connection().latest().map(Health::label).orElse("…");
        return session.settings().cluster().name() + " [" + health + "] > ";
    }

    private void startWatching(PrintWriter out) {
        try {
            session.connection().source();
        } catch (RuntimeException e) {
            // No usable config: the REPL still serves drbd parse, config check, help.
            out.println("hadeck: " + e.getMessage());
            out.flush();
        }
    }

    private int runInterruptibly(Terminal terminal, String line, PrintWriter out) {
        AtomicInteger code = new AtomicInteger();
        Thread worker = new Thread(() -> code.set(shell.run(line, out, out)), "hadeck-command");
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> worker.interrupt());
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        if (code.get() == ExitCode.INTERRUPTED) {
            out.println("cancelled");
        }
        out.flush();
        return code.get();
    }

    private static void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            LOG.warn("cannot save REPL history", e);
        }
    }

    /** $XDG_STATE_HOME/hadeck/history (default ~/.local/state/hadeck/history). */
    public static Path historyFile() {
        return io.hadeck.console.output.LogFile.stateDir().resolve("history");
    }

    /** Typed confirmation at the REPL prompt. */
    private record ReaderConfirmer(LineReader reader) implements Confirmer {
        public boolean confirm(String question, String expected) {
            if (!present()) {
                return false;
            }
            try {
                String answer = reader.readLine(question + "\nType " + expected + " to go ahead (anything else cancels): ");
                return answer != null && answer.strip().equals(expected);
            } catch (UserInterruptException | EndOfFileException e) {
                return false;
            }
        }

        /** Piped input is not a person: JLine reads it through a dumb terminal. */
        public boolean present() {
            return io.hadeck.console.session.Terminals.attached() && !reader.getTerminal().getType().startsWith("dumb");
        }

        public java.util.Optional<String> ask(String question) {
            if (!present()) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.ofNullable(reader.readLine(question + "\n> ")).map(String::strip);
            } catch (UserInterruptException | EndOfFileException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
