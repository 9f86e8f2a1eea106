package io.hadeck.console.commands;

import io.hadeck.console.commands.base.Repeat;
import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.output.StatusView;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Severity;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"One line per node (HA role, PostgreSQL role and lag, etcd, Elasticsearch, DRBD), then the findings.",
                "Exit 0 healthy, 1 findings at warn or worse, 3 nothing reachable."})
public class StatusCommand extends DataCommand {

    @Option(names = "--watch", description = "Repeat until Ctrl-C.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "D", defaultValue = "2s", converter = DurationConverter.class,
            description = "With --watch: how often (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Override
    public Integer call() {
        return onceOrWatch(watch, interval, this::once);
    }

    private int once() {
        ClusterSnapshot s = snapshot();
        print(new StatusView(s));
        return exitFor(s, s.worst().atLeast(Severity.WARN) ? ExitCode.UNHEALTHY : ExitCode.OK);
    }
}
