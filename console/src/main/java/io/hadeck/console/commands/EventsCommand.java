package io.hadeck.console.commands;

import io.hadeck.console.output.ModelJson;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.events.Event;
import io.hadeck.events.EventLog;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"State changes seen since this session started watching (the log file keeps older ones).",
                "From the shell, use --follow or --for D: a one-shot run has nothing to compare yet."})
public class EventsCommand extends DataCommand {

    @Option(names = "--follow", description = "Keep printing new events until Ctrl-C.")
    boolean follow;

    @Option(names = "--for", paramLabel = "D", converter = DurationConverter.class,
            description = "Watch this long, then print what happened.")
    Duration forDuration;

    @Override
    public Integer call() throws InterruptedException {
        EventLog log = session.events();
        if (forDuration != null) {
            Thread.sleep(forDuration.toMillis());
        }
        List<Event> seen = log.events();
        print(Result.of(seen.stream().map(EventsCommand::json).toList(), text(seen)));
        if (follow) {
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
                List<Event> news = now.subList(now.size() - fresh, now.size());
                news.forEach(e -> out().println(json ? io.hadeck.console.output.Json.write(json(e)).replace("\n", "") : line(e)));
                out().flush();
                printed = added;
            }
        }
        return ExitCode.OK;
    }

    static Object json(Event e) {
        return Obj.of().put("at", ModelJson.time(e.at())).put("severity", ModelJson.lower(e.severity()))
                .put("node", e.node()).put("text", e.text()).map();
    }

    private String text(List<Event> events) {
        if (events.isEmpty()) {
            return "no events yet in this session\n";
        }
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append(line(e)).append('\n'));
        return sb.toString();
    }

    private String line(Event e) {
        return e.at() + " " + printer().style().symbol(e.severity()) + " " + e.sentence();
    }
}
