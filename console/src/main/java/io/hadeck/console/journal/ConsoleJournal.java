package io.hadeck.console.journal;

import io.hadeck.events.Event;
import io.hadeck.fleet.FleetRow;

import java.time.Instant;
import java.util.List;

/**
 * What the console reads beyond the live cluster: older events from the journal (the event pane
 * scrolls back into them) and every configured cluster at a glance (the fleet view). Both are slow
 * reads: the console calls them off the UI thread.
 */
public interface ConsoleJournal {

    /** Up to {@code max} events of {@code cluster} before {@code until}, oldest first; empty when there are none. */
    List<Event> before(String cluster, Instant until, int max);

    /** One row per configured cluster, worst first. */
    List<FleetRow> fleet();

    /** For consoles without a configuration file (tests, replays): nothing older, no fleet. */
    static ConsoleJournal none() {
        return new ConsoleJournal() {
            public List<Event> before(String cluster, Instant until, int max) {
                return List.of();
            }

            public List<FleetRow> fleet() {
                return List.of();
            }
        };
    }
}
