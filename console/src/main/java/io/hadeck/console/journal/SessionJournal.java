package io.hadeck.console.journal;

import io.hadeck.console.session.Session;
import io.hadeck.events.Event;
import io.hadeck.fleet.Fleet;
import io.hadeck.fleet.FleetRow;
import io.hadeck.journal.JournalEntry;
import io.hadeck.journal.JournalException;
import io.hadeck.journal.JournalQuery;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's window on the session's journal and configuration. A journal that cannot be read shows nothing older. */
public final class SessionJournal implements ConsoleJournal {
    private static final Logger LOG = LoggerFactory.getLogger(SessionJournal.class);

    private final Session session;

    public SessionJournal(Session session) {
        this.session = session;
    }

    @Override
    public List<Event> before(String cluster, Instant until, int max) {
        try {
            List<JournalEntry> entries = JournalAccess.read(session, JournalQuery.since(Instant.EPOCH).until(until)
                    .cluster(cluster).limit(max));
            return entries.stream().map(SessionJournal::event).toList();
        } catch (RuntimeException e) {
            LOG.warn("older events not read: {}", e.getMessage());
            return List.of();
        }
    }

    /** What the pane shows of an entry: events as they were, the other sources named. */
    static Event event(JournalEntry e) {
        String text = e.source() == JournalEntry.Source.HADECK ? e.text() : "[" + e.source().word() + "] " + e.text();
        return new Event(e.at(), e.severity(), e.node(), text, e.code(), e.change());
    }

    @Override
    public List<FleetRow> fleet() {
        java.util.function.Function<String, Instant> last;
        try {
            var journal = session.connection().journal();
            last = name -> {
                List<JournalEntry> newest = journal.query(JournalQuery.since(Instant.EPOCH).cluster(name).limit(1));
                return newest.isEmpty() ? null : newest.get(0).at();
            };
        } catch (JournalException e) {
            last = name -> null;
        }
        return Fleet.read(session.settings().config().clusters(), last);
    }
}
