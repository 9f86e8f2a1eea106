package io.hadeck.console.session;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.HadeckConfig;
import io.hadeck.events.EventLog;
import io.hadeck.hooks.HookRunner;
import io.hadeck.journal.Journal;
import io.hadeck.journal.JournalException;
import io.hadeck.journal.JournalRecorder;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a watching session adds to an event log: the journal recorder and the configured hooks.
 * A journal that cannot be opened is logged and left out; watching goes on without it. Ctrl-C on
 * {@code events --follow} ends the JVM without closing the session: a shutdown hook still writes
 * what is queued, so the last events before the stop are in the journal.
 */
final class Recording implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);

    private final JournalRecorder recorder;
    private final HookRunner hooks;
    private final Thread onExit;

    private Recording(JournalRecorder recorder, HookRunner hooks) {
        this.recorder = recorder;
        this.hooks = hooks;
        this.onExit = recorder == null ? null : new Thread(recorder::close, "hadeck-journal-flush");
        if (onExit != null) {
            Runtime.getRuntime().addShutdownHook(onExit);
        }
    }

    /** Listens to {@code events}; {@code journal} may be null (then only the hooks run). */
    static Recording attach(EventLog events, Journal journal, HadeckConfig config, ClusterConfig cluster, Clock clock) {
        JournalRecorder recorder = journal == null ? null : new JournalRecorder(journal, cluster, clock);
        HookRunner hooks = config == null || config.hooks().isEmpty() ? null : new HookRunner(cluster.name(), config.hooks());
        if (recorder != null) {
            events.listen(recorder);
        }
        if (hooks != null) {
            events.listen(hooks);
        }
        return new Recording(recorder, hooks);
    }

    /** Opens the journal of {@code config}, or null (logged) when it cannot be. */
    static Journal openQuietly(HadeckConfig config, Clock clock) {
        try {
            return Journal.open(config.journal(), clock);
        } catch (JournalException e) {
            LOG.warn("{}; events are not journaled in this session", e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        if (recorder != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException exiting) {
                // the JVM is already exiting: the hook does the flush
            }
            recorder.close();
        }
        if (hooks != null) {
            hooks.close();
        }
    }
}
