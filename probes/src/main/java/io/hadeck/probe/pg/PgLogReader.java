package io.hadeck.probe.pg;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ReceiverLog;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tail of one node's PostgreSQL log, over ssh as the node's ssh user, for why its standby does not
 * stream. Asked only while the standby does not stream, and at most every {@link #EVERY}: a standby
 * that cannot stream says so again every 5 s (wal_retrieve_retry_interval), and an ssh login per 1 s
 * poll would cost more than the answer is worth.
 */
final class PgLogReader {
    static final Duration EVERY = Duration.ofSeconds(5);
    static final int LINES = 300;
    /** $1 is the configured path; unquoted, so a glob picks the newest matching file. */
    static final String SCRIPT = "f=$(ls -1t -- $1 2>/dev/null | head -n 1); [ -n \"$f\" ] || { echo \"no file matches $1\" >&2;"
            + " exit 3; }; tail -n " + LINES + " -- \"$f\"";

    private final NodeTarget target;
    private final String path;
    private final SshRunner ssh;
    private final Clock clock;
    private Instant readAt;
    private ReceiverLog last;

    PgLogReader(NodeTarget target, String path, SshRunner ssh, Clock clock) {
        this.target = target;
        this.path = path;
        this.ssh = ssh;
        this.clock = clock;
    }

    /** The node's log reader when the config names the log (postgres.log) and the node has a host to reach. */
    static Optional<PgLogReader> of(ClusterConfig cluster, NodeConfig node, Clock clock) {
        if (cluster.postgres() == null || node.host() == null) {
            return Optional.empty();
        }
        return cluster.postgres().logFor(node.name())
                .map(p -> new PgLogReader(NodeTarget.ssh(cluster.ssh(), node), p, new SshRunner(), clock));
    }

    List<String> command() {
        return List.of("sh", "-c", SCRIPT, "sh", path);
    }

    /** The last complaint, read again when the previous reading is older than {@link #EVERY}. */
    synchronized ReceiverLog read(Duration budget) {
        Instant now = clock.instant();
        if (last != null && readAt != null && Duration.between(readAt, now).compareTo(EVERY) < 0) {
            return last;
        }
        ReceiverLog got;
        try {
            SshRunner.Result r = ssh.run(target, command(), budget);
            got = r.ok() ? PgLogText.lastComplaint(r.stdout()) : ReceiverLog.unreadable(path + ": " + r.failureText());
        } catch (ProbeException e) {
            got = ReceiverLog.unreadable(path + ": " + e.getMessage());
        }
        readAt = now;
        last = got;
        return got;
    }
}
