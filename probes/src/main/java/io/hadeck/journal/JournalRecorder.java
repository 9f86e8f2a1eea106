package io.hadeck.journal;

import io.hadeck.model.FindingCode;
import io.hadeck.threads.Threads;
import io.hadeck.config.ClusterConfig;
import io.hadeck.events.Event;
import io.hadeck.events.EventLog;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.NodeView;
import io.hadeck.model.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes what one cluster's event log sees into the journal, and with it what the cluster remembers
 * itself: Patroni's history (read when the leader changes, and every few minutes), DRBD kernel-log
 * lines, and the audit log's new records. All writing happens on one background thread behind a
 * bounded queue: the watcher's thread (and so the console) never waits for the disk or a busy lock.
 */
public final class JournalRecorder implements EventLog.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRecorder.class);
    static final Duration HISTORY_EVERY = Duration.ofMinutes(2);
    /** Patroni writes the history entry a little after it takes the key: read again after the change. */
    static final Duration HISTORY_AFTER_CHANGE = Duration.ofSeconds(15);
    static final Duration AUDIT_EVERY = Duration.ofSeconds(5);

    private final Journal journal;
    private final ClusterConfig cluster;
    private final Clock clock;
    private final PatroniHistoryReader history;
    private final ThreadPoolExecutor writer;
    private String leader;
    private Instant historyDue;
    private Instant historyFollowUp;
    private Instant auditDue;

    public JournalRecorder(Journal journal, ClusterConfig cluster, Clock clock) {
        this.journal = journal;
        this.cluster = cluster;
        this.clock = clock;
        this.history = new PatroniHistoryReader(cluster);
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000),
                Threads.daemon("hadeck-journal"));
        Instant now = clock.instant();
        this.historyDue = now;
        this.auditDue = now;
    }

    @Override
    public void seen(ClusterSnapshot snapshot, List<Event> events) {
        List<JournalEntry> entries = new ArrayList<>();
        events.forEach(e -> entries.add(JournalEntry.of(cluster.name(), e)));
        entries.addAll(kernelLines(snapshot));
        submit(() -> journal.append(entries), entries.isEmpty());
        Instant now = clock.instant();
        boolean readHistory;
        boolean importAudit;
        synchronized (this) {
            String holder = snapshot.leaderKeyHolder().orElse(null);
            if (!Objects.equals(holder, leader)) {
                leader = holder;
                historyDue = now;
                historyFollowUp = now.plus(HISTORY_AFTER_CHANGE);
            }
            readHistory = !now.isBefore(historyDue) || historyFollowUp != null && !now.isBefore(historyFollowUp);
            if (readHistory) {
                historyDue = now.plus(HISTORY_EVERY);
                if (historyFollowUp != null && !now.isBefore(historyFollowUp)) {
                    historyFollowUp = null;
                }
            }
            importAudit = !now.isBefore(auditDue);
            if (importAudit) {
                auditDue = now.plus(AUDIT_EVERY);
            }
        }
        if (readHistory && history.applies()) {
            submit(this::importHistory, false);
        }
        if (importAudit) {
            submit(() -> AuditImport.into(journal, cluster.audit().path()), false);
        }
    }

    /** Split-brain lines the kernel reported, once each (the same line seen again adds nothing). */
    private List<JournalEntry> kernelLines(ClusterSnapshot snapshot) {
        List<JournalEntry> out = new ArrayList<>();
        for (NodeView n : snapshot.nodes()) {
            DrbdKernelLog log = n.drbd() == null ? null : n.drbd().get().map(DrbdStatus::kernelLog).orElse(null);
            if (log == null) {
                continue;
            }
            for (DrbdKernelLog.SplitBrain sb : log.splitBrains()) {
                out.add(new JournalEntry(snapshot.takenAt(), cluster.name(), JournalEntry.Source.DRBD, Severity.CRIT,
                        n.name(), FindingCode.DRBD_SPLIT_BRAIN.name(), null, "kernel: " + sb.line(), null, n.name() + " " + sb.line()));
            }
        }
        return out;
    }

    private void importHistory() {
        try {
            journal.append(history.read());
        } catch (java.io.IOException e) {
            LOG.info("[{}] Patroni history not read: {}", cluster.name(), e.getMessage());
        }
    }

    private void submit(Runnable work, boolean nothing) {
        if (nothing) {
            return;
        }
        try {
            writer.execute(() -> {
                try {
                    work.run();
                } catch (JournalException e) {
                    LOG.warn("[{}] {}", cluster.name(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("[{}] journal queue full or closed: entries dropped", cluster.name());
        }
    }

    /** Writes what is queued (up to a few seconds), then stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(JournalFile.BUSY_TIMEOUT_MS + 2000, TimeUnit.MILLISECONDS)) {
                LOG.warn("[{}] journal writer still busy at close; {} batches not written", cluster.name(),
                        writer.getQueue().size());
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
