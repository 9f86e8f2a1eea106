package io.hadeck.console.batch;

import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.console.session.Session;
import io.hadeck.console.line.CommandRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a batch file (`hadeck run FILE`, `run -`, `hadeck -c "a; b"`): every line is parsed and
 * checked first, so a typo on line 7 stops the run before line 1 changes anything; then lines run
 * in order, stopping at the first failure unless `on-error continue`. Nobody is asked anything.
 * Consecutive lines that only read share one fresh snapshot (see {@link Session#shareReadings}).
 */
public final class BatchRunner {

    private static final int MAX_REPORTED = 10;
    /**
     * Commands that neither change the cluster nor let time pass: the line after one of them may
     * judge the same snapshot. Anything else (actions, sleep, wait-for, run, a subcommand group)
     * makes the next reading line read afresh.
     */
    private static final java.util.Set<String> READS_ONLY =
            java.util.Set.of("assert", "status", "nodes", "findings", "show", "echo", "set", "on-error");

    private final CommandRunner shell;
    private final Session session;

    public BatchRunner(CommandRunner shell, Session session) {
        this.shell = shell;
        this.session = session;
    }

    public int runFile(String file, boolean echo, PrintWriter out, PrintWriter err) {
        String text;
        try {
            text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw CommandException.usage("no such file: " + file);
        } catch (IOException e) {
            throw CommandException.usage("cannot read " + file + ": " + e.getMessage());
        }
        return runText(file.equals("-") ? "stdin" : file, text, echo, out, err);
    }

    public int runText(String source, String text, boolean echo, PrintWriter out, PrintWriter err) {
        List<BatchLine> lines = BatchLine.split(source, text);
        List<String> problems = new BatchValidator(shell, session).check(lines);
        if (!problems.isEmpty()) {
            problems.stream().limit(MAX_REPORTED).forEach(err::println);
            err.println(source + ": " + problems.size() + " error(s), nothing was run");
            err.flush();
            return ExitCode.USAGE;
        }
        Confirmer before = session.asking().confirmer();
        session.asking().confirmer(Confirmer.NOBODY);
        io.hadeck.actions.runbook.FrontEnd frontBefore = session.asking().frontEnd();
        session.asking().frontEnd(io.hadeck.actions.runbook.FrontEnd.BATCH);
        boolean continueBefore = session.batch().continueOnError();
        session.batch().continueOnError(false);
        session.connection().shareReadings(true);
        int failure = ExitCode.OK;
        try {
            for (BatchLine line : lines) {
                if (Thread.currentThread().isInterrupted()) {
                    return ExitCode.INTERRUPTED;
                }
                if (echo) {
                    out.println("> " + line.text());
                    out.flush();
                }
                shell.location(line.where());
                int code = shell.run(line.text(), out, err);
                if (!READS_ONLY.contains(firstWord(line.text()))) {
                    session.connection().forgetReading();
                }
                Integer exit = session.batch().exitRequested();
                if (exit != null) {
                    return exit;
                }
                if (code != ExitCode.OK) {
                    if (!session.batch().continueOnError() || code == ExitCode.INTERRUPTED) {
                        return code;
                    }
                    failure = code;
                }
            }
            return failure;
        } finally {
            session.connection().shareReadings(false);
            shell.location(null);
            session.batch().continueOnError(continueBefore);
            session.asking().confirmer(before);
            session.asking().frontEnd(frontBefore);
        }
    }

    private static String firstWord(String line) {
        String t = line.strip();
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
    }
}
