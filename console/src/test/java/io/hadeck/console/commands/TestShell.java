package io.hadeck.console.commands;

import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.console.session.Session;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.ClusterBuilder;
import io.hadeck.testkit.Clusters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/** A shell over testkit snapshots: the real command layer, fed recorded situations. */
public final class TestShell {

    public final Session session;
    public final Shell shell;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    public TestShell(ClusterBuilder config, Supplier<ClusterSnapshot> snapshots) {
        session = Session.replaying(config.config(), snapshots, Clusters.CLOCK, Confirmer.NOBODY);
        shell = new Shell(session);
    }

    public static TestShell of(ClusterSnapshot s) {
        return new TestShell(Clusters.labBuilder(), () -> s);
    }

    public PrintWriter outWriter() {
        return new PrintWriter(out, true);
    }

    public PrintWriter errWriter() {
        return new PrintWriter(err, true);
    }

    /** argv as the process would get it, global options included. */
    public int main(String... args) {
        return shell.main(args, outWriter(), errWriter());
    }

    public int line(String line) {
        return shell.run(line, outWriter(), errWriter());
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    public void clear() {
        out = new StringWriter();
        err = new StringWriter();
    }
}
