package io.hadeck.console.batch;

import io.hadeck.console.Confirmer;
import io.hadeck.console.Session;
import io.hadeck.console.commands.CommandException;
import io.hadeck.console.commands.ExitCode;
import io.hadeck.console.commands.Shell;
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

    private final Shell shell;

    public BatchRunner(Shell shell) {
        this.shell = shell;
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
        List<String> problems = new BatchValidator(shell).check(lines);
        if (!problems.isEmpty()) {
            problems.stream().limit(MAX_REPORTED).forEach(err::println);
            err.println(source + ": " + problems.size() + " error(s), nothing was run");
            err.flush();
            return ExitCode.USAGE;
        }
        Session session = shell.session();
        Confirmer before = session.confirmer();
        session.confirmer(Confirmer.NOBODY);
        io.hadeck.actions.runbook.FrontEnd frontBefore = session.frontEnd();
        session.frontEnd(io.hadeck.actions.runbook.FrontEnd.BATCH);
        boolean continueBefore = session.continueOnError();
        session.continueOnError(false);
        session.shareReadings(true);
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
                    session.forgetReading();
                }
                Integer exit = session.exitRequested();
                if (exit != null) {
                    return exit;
                }
                if (code != ExitCode.OK) {
                    if (!session.continueOnError() || code == ExitCode.INTERRUPTED) {
                        return code;
                    }
                    failure = code;
                }
            }
            return failure;
        } finally {
            session.shareReadings(false);
            shell.location(null);
            session.continueOnError(continueBefore);
            session.confirmer(before);
            session.frontEnd(frontBefore);
        }
    }

    private static String firstWord(String line) {
        String t = line.strip();
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
    }
}
