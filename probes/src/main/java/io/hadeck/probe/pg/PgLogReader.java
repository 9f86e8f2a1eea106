package io.hadeck.probe.pg;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ReceiverLog;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;
import io.hadeck.threads.Threads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tail of one node's PostgreSQL log, over ssh as the node's ssh user, for why its standby does not
 * stream. Asked only while the standby does not stream, and at most every {@link #EVERY}: a standby
 * that cannot stream says so again every 5 s (wal_retrieve_retry_interval), and an ssh login per 1 s
 * poll would cost more than the answer is worth. One read at a time, off the PostgreSQL reading's path.
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
    private final Duration timeout;
    private Instant readAt;
    private ReceiverLog last;
    private CompletableFuture<ReceiverLog> inFlight;

    /** Log reads run on virtual threads: each waits on an ssh process, bounded by the read timeout. */
    private static final Executor READS = Executors.newThreadPerTaskExecutor(Threads.virtual("hadeck-pg-log"));

    PgLogReader(NodeTarget target, String path, SshRunner ssh, Duration timeout, Clock clock) {
        this.target = target;
        this.timeout = timeout;
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
                .map(p -> new PgLogReader(NodeTarget.ssh(cluster.ssh(), node), p, new SshRunner(), cluster.timeouts().read(), clock));
    }

    List<String> command() {
        return List.of("sh", "-c", SCRIPT, "sh", path);
    }

    /**
     * The last complaint of this not-streaming episode. A reading older than {@link #EVERY} is read
     * again in the background; the caller waits for that read at most {@code wait} and otherwise gets
     * the previous complaint (or none yet). The watcher passes zero: an ssh login on a loaded host
     * takes seconds, and the standby's role must not wait for the explanation of its lag (the soak
     * saw a standby's return shown 5 s late while its reading waited for ssh at load 40). A one-shot reader, with
     * nothing read before, passes what is left of its budget.
     */
    ReceiverLog read(Duration wait) {
        CompletableFuture<ReceiverLog> pending;
        synchronized (this) {
            Instant now = clock.instant();
            boolean fresh = last != null && readAt != null && Duration.between(readAt, now).compareTo(EVERY) < 0;
            if (fresh) {
                return last;
            }
            if (inFlight == null) {
                readAt = now;
                CompletableFuture<ReceiverLog> read = CompletableFuture.supplyAsync(this::readNow, READS);
                inFlight = read;
                read.whenComplete((got, e) -> landed(read, got));
            }
            pending = inFlight;
        }
        try {
            return pending.get(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            synchronized (this) {
                return last;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                return last;
            }
        } catch (ExecutionException e) {
            return ReceiverLog.unreadable(path + ": " + e.getCause());
        }
    }

    /** The standby streams (or is the primary) again: the next episode starts without this one's complaint. */
    synchronized void forget() {
        inFlight = null;
        last = null;
        readAt = null;
    }

    /** A read of an episode that has ended (forget() dropped it) lands nowhere. */
    private synchronized void landed(CompletableFuture<ReceiverLog> read, ReceiverLog got) {
        if (inFlight == read) {
            inFlight = null;
            last = got;
        }
    }

    private ReceiverLog readNow() {
        try {
            SshRunner.Result r = ssh.run(target, command(), timeout);
            return r.ok() ? PgLogText.lastComplaint(r.stdout()) : ReceiverLog.unreadable(path + ": " + r.failureText());
        } catch (ProbeException e) {
            return ReceiverLog.unreadable(path + ": " + e.getMessage());
        }
    }
}
