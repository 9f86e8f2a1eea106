package io.hadeck.watch;

import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.ReadProgress;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which readings of a snapshot are late: good readings older than their source's detection window
 * (its poll interval + 1 s), because the next read has not landed. A late value is the last thing
 * hadeck knew, not what is true now: the console shows it as stale and {@code status --json} lists
 * it, so nobody takes a reading an ssh login under load held back for 5 s as the current truth.
 * A failed reading ages the same way: "connection refused" 4 s ago, while the next login waits for
 * a loaded host, says nothing of now (the soak saw a standby shown down 5 s after psql had it back).
 * A read that hangs past its timeout is reported again every interval ({@link Source#reportOverrun}),
 * so a frozen server's "no answer" stays current.
 */
final class Lateness {

    /** The detection window's margin over the poll interval (issue 21: poll interval + 1 s). */
    static final Duration GRACE = Duration.ofSeconds(1);

    private Lateness() {
    }

    static Set<String> of(ClusterSnapshot s, ClusterConfig cfg, Instant now) {
        ClusterConfig.Poll p = cfg.poll();
        Set<String> late = new LinkedHashSet<>();
        for (NodeView n : s.nodes()) {
            add(late, ReadProgress.key(n.name(), "etcd"), n.etcd(), p == null ? null : p.etcd(), now);
            add(late, ReadProgress.key(n.name(), "PG"), n.postgres(), p == null ? null : p.postgres(), now);
            add(late, ReadProgress.key(n.name(), "ES"), n.elasticsearch(), p == null ? null : p.elasticsearch(), now);
            add(late, ReadProgress.key(n.name(), "DRBD"), n.drbd(), p == null ? null : p.drbd(), now);
            add(late, ReadProgress.key(n.name(), "VRRP"), n.pair(), p == null ? null : p.drbd(), now);
            add(late, ReadProgress.key(n.name(), "HA"), n.ha(), p == null ? null : p.patroni(), now);
        }
        add(late, ReadProgress.cluster("etcd"), s.etcd(), p == null ? null : p.etcd(), now);
        add(late, ReadProgress.cluster("ES"), s.es(), p == null ? null : p.elasticsearch(), now);
        add(late, ReadProgress.cluster("HA"), s.ha(), p == null ? null : p.patroni(), now);
        return late;
    }

    private static void add(Set<String> late, String key, Observation<?> o, Duration every, Instant now) {
        if (o != null && o.isStale(now, Sources.every(every).plus(GRACE))) {
            late.add(key);
        }
    }
}
