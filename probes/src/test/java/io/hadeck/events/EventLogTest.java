package io.hadeck.events;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Severity;
import io.hadeck.model.SnapshotSource;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {

    /** A source a test pushes snapshots through, like the watcher's thread would. */
    static final class Pushed implements SnapshotSource {
        final List<Consumer<ClusterSnapshot>> listeners = new ArrayList<>();
        ClusterSnapshot latest;

        void push(ClusterSnapshot s) {
            latest = s;
            listeners.forEach(l -> l.accept(s));
        }

        @Override
        public Optional<ClusterSnapshot> latest() {
            return Optional.ofNullable(latest);
        }

        @Override
        public AutoCloseable subscribe(Consumer<ClusterSnapshot> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }

    @Test
    void collectsEventsFromPushedSnapshotsOldestFirstAndStaysBounded() {
        Pushed source = new Pushed();
        try (EventLog log = new EventLog(source, 3, Clusters.thresholds())) {
            source.push(Clusters.healthyPrimaryTwoStandbys());
            assertThat(log.events()).isEmpty();
            source.push(Clusters.primaryDown());
            assertThat(log.added()).isGreaterThan(3);
            assertThat(log.events()).hasSize(3);
            source.push(Clusters.healthyPrimaryTwoStandbys());
            List<Event> events = log.events();
            assertThat(events).hasSize(3);
            assertThat(events).allMatch(e -> e.severity() == Severity.OK, "recovery events only");
        }
        assertThat(source.listeners).isEmpty();
    }
}
