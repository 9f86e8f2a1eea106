package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.journal.JournalAccess;
import io.hadeck.console.journal.JournalViews;
import io.hadeck.console.output.Json;
import io.hadeck.console.output.ModelJson;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.events.Event;
import io.hadeck.events.EventLog;
import io.hadeck.journal.JournalEntry;
import io.hadeck.journal.JournalQuery;
import io.hadeck.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"State changes: from the journal with --since (every hadeck process's events, the audit log, "
                + "Patroni's history, DRBD kernel lines), or as this session sees them.",
                "Examples: events --since 2h --severity warn; events --since 1d --cluster all --json; events --follow"})
public class EventsCommand extends DataCommand {

    @Option(names = "--follow", description = "Keep printing new events until Ctrl-C.")
    boolean follow;

    @Option(names = "--for", paramLabel = "D", converter = DurationConverter.class,
            description = "Watch this long, then print what happened.")
    Duration forDuration;

    @Option(names = "--since", paramLabel = "WHEN", converter = TimeConverter.class,
            description = "Read the journal from this long ago (2h, 30m, 1d) or this time (2026-12-01T04:00:00Z).")
    TimeConverter.When since;

    @Option(names = "--until", paramLabel = "WHEN", converter = TimeConverter.class,
            description = "Read the journal up to this time (default: now).")
    TimeConverter.When until;

    @Option(names = "--cluster", paramLabel = "NAME|all", description = "Journal entries of this cluster, or of all (default: the current one).")
    String clusterName;

    @Option(names = "--node", paramLabel = "N", description = "Only this node (and cluster-wide entries).")
    String node;

    @Option(names = "--severity", paramLabel = "S", description = "At least this severity: ok, info, warn, crit.")
    String severity;

    @Override
    public Integer call() throws InterruptedException {
        Severity least = least();
        if (since != null || until != null) {
            printJournal(least);
            if (!follow) {
                return ExitCode.OK;
            }
        }
        EventLog log = session.connection().events();
        if (forDuration != null) {
            Thread.sleep(forDuration.toMillis());
        }
        if (since == null && until == null) {
            List<Event> seen = keep(log.events(), least);
            print(Result.of(seen.stream().map(EventsCommand::json).toList(), text(seen)));
        }
        if (follow) {
            return follow(log, least);
        }
        return ExitCode.OK;
    }

    private void printJournal(Severity least) {
        Instant from = since == null ? Instant.EPOCH : since.resolve(session.clock());
        Instant to = until == null ? null : until.resolve(session.clock());
        if (to != null && !to.isAfter(from)) {
            throw CommandException.usage("--until must be later than --since");
        }
        String cluster = JournalAccess.cluster(session, clusterName);
        JournalQuery q = JournalQuery.since(from).until(to).cluster(cluster).node(node).least(least);
        List<JournalEntry> entries = JournalAccess.read(session, q);
        boolean several = cluster == null;
        StringBuilder sb = new StringBuilder();
        if (entries.isEmpty()) {
            sb.append("nothing in the journal for this window\n");
        }
        entries.forEach(e -> sb.append(JournalViews.line(e, printer().style(), several)).append('\n'));
        print(Result.of(JournalViews.json(entries), sb.toString()));
    }

    private int follow(EventLog log, Severity least) {
        long printed = log.added();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return ExitCode.INTERRUPTED;
            }
            List<Event> now = log.events();
            long added = log.added();
            int fresh = (int) Math.min(added - printed, now.size());
            List<Event> news = keep(now.subList(now.size() - fresh, now.size()), least);
            news.forEach(e -> out().println(json ? Json.write(json(e)).replace("\n", "") : line(e)));
            out().flush();
            printed = added;
        }
        return ExitCode.OK;
    }

    private List<Event> keep(List<Event> events, Severity least) {
        return events.stream().filter(e -> e.severity().atLeast(least) && (node == null || node.equals(e.node())
                || e.node() == null)).toList();
    }

    private Severity least() {
        if (severity == null) {
            return Severity.OK;
        }
        try {
            return Severity.valueOf(severity.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage("--severity is '" + severity + "'; expected ok, info, warn or crit");
        }
    }

    static Object json(Event e) {
        return Obj.of().put("at", ModelJson.time(e.at())).put("severity", ModelJson.lower(e.severity()))
                .put("node", e.node()).put("code", e.code()).put("change", e.finding() == null ? null : e.finding().word())
                .put("text", e.text()).map();
    }

    private String text(List<Event> events) {
        if (events.isEmpty()) {
            return "no events yet in this session (events --since 1h reads the journal)\n";
        }
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append(line(e)).append('\n'));
        return sb.toString();
    }

    private String line(Event e) {
        return e.at() + " " + printer().style().symbol(e.severity()) + " " + e.sentence();
    }
}
