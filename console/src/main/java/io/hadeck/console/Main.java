package io.hadeck.console;

import io.hadeck.console.session.Settings;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.console.session.Session;
import io.hadeck.console.session.TerminalConfirmer;
import io.hadeck.console.commands.Shell;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** `hadeck …`: builds the session and the command layer, runs argv, exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // Answered before anything starts (logging, the command model, the config): what
            // picocli would print, from the same provider, in the time of a JVM's start.
            System.out.println(new io.hadeck.console.commands.Version().getVersion()[0]);
            System.exit(0);
        }
        io.hadeck.console.output.JulBridge.install();
        if (args.length >= 1 && args.length <= 2 && args[0].equals(CdsTraining.ARG)) {
            System.exit(CdsTraining.run(args.length == 2 ? args[1] : null));   // scripts/hadeck, once per build
        }
        System.exit(run(args, System.out, System.err, TerminalConfirmer.attached()));
    }

    /** In-process entry for tests: same code path as the real thing, minus System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err, Confirmer confirmer) {
        try (Session session = new Session(new Settings.Options(null, null, null, false, false), Clock.systemUTC(), confirmer)) {
            Shell shell = new Shell(session);
            return shell.main(args, writer(out), writer(err));
        }
    }

    private static PrintWriter writer(PrintStream s) {
        return new PrintWriter(new java.io.OutputStreamWriter(s, StandardCharsets.UTF_8), true);
    }
}
