package io.hadeck.events;

import io.hadeck.config.ClusterConfig.Thresholds;
import io.hadeck.model.ClusterSnapshot;

import java.util.List;

/**
 * What changed between two snapshots of one cluster, as sentences an operator reads in the event
 * log. Pure: the events are stamped with the later snapshot's time.
 */
public final class EventDetector {
    private EventDetector() {
    }

    public static List<Event> between(ClusterSnapshot before, ClusterSnapshot after) {
        return between(before, after, Thresholds.defaults());
    }

    /** Nothing when there is no earlier snapshot or the two belong to different clusters. */
    public static List<Event> between(ClusterSnapshot before, ClusterSnapshot after, Thresholds thresholds) {
        if (before == null || after == null || !before.cluster().equals(after.cluster())) {
            return List.of();
        }
        Transitions out = new Transitions(after.takenAt());
        ClusterEvents.detect(before, after, out);
        NodeEvents.detect(before, after, out);
        PostgresEvents.detect(before, after, thresholds, out);
        DrbdEvents.detect(before, after, out);
        FindingEvents.detect(before, after, out);
        return out.events();
    }
}
