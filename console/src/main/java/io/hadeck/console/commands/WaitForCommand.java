package io.hadeck.console.commands;

import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.units.Durations;
import io.hadeck.console.condition.Condition;
import io.hadeck.model.ClusterSnapshot;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "wait-for", mixinStandardHelpOptions = true,
        description = {"Watch the cluster until a condition holds; exit 1 when --timeout passes first.",
                "Example: wait-for pg.streaming >= 2 --timeout 5m"})
public class WaitForCommand extends ConditionCommand {

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "60s", converter = DurationConverter.class,
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--quiet", description = "Print only the outcome, not each change.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        Condition c = condition();
        session.connection().source();
        Instant start = session.clock().instant();
        Instant deadline = start.plus(timeout);
        String lastWhy = null;
        while (true) {
            ClusterSnapshot s = session.connection().snapshot();
            Condition.Result r = c.test(s);
            Duration waited = Duration.between(start, session.clock().instant());
            if (r.met()) {
                out().println("ok after " + Durations.compact(waited) + ": " + c.text() + " (" + r.why() + ")");
                out().flush();
                return ExitCode.OK;
            }
            if (!quiet && !r.why().equals(lastWhy)) {
                out().println("waiting: " + r.why());
                out().flush();
                lastWhy = r.why();
            }
            if (!session.clock().instant().isBefore(deadline)) {
                throw new CommandException(ExitCode.UNHEALTHY, "timed out after " + Durations.compact(timeout)
                        + " waiting for " + c.text() + " (" + r.why() + ")");
            }
            Thread.sleep(200);
        }
    }
}
