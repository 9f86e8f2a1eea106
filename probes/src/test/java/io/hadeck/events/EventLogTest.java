package io.hadeck.events;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Severity;
import io.hadeck.testkit.Clusters;
import io.hadeck.testkit.PushedSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {

    /** A source a test pushes snapshots through, like the watcher's thread would. */
    @Test
    void collectsEventsFromPushedSnapshotsOldestFirstAndStaysBounded() {
        PushedSource source = new PushedSource();
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
        assertThat(source.listenerCount()).isZero();
    }
}
