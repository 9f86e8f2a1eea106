package io.hadeck.console.session;

import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What one hadeck invocation holds, each part with one job: the operator's {@link Settings}, the
 * {@link ClusterConnection} to the current cluster, the {@link BatchState} lines share, and how it
 * is {@link Asking} the operator. Closing it closes the connection.
 */
public final class Session implements AutoCloseable {

    private final Clock clock;
    private final Settings settings;
    private final ClusterConnection connection;
    private final BatchState batch = new BatchState();
    private final Asking asking;

    public Session(Settings.Options options, Clock clock, Confirmer confirmer) {
        this(new Settings(options), clock, confirmer, null);
    }

    private Session(Settings settings, Clock clock, Confirmer confirmer, Supplier<ClusterSnapshot> replay) {
        this.clock = clock;
        this.settings = settings;
        this.connection = new ClusterConnection(settings, clock, replay);
        this.asking = new Asking(confirmer);
    }

    /**
     * A session fed recorded snapshots instead of live readers (tests, replaying a recording):
     * every read returns the supplier's next snapshot for {@code cluster}.
     */
    public static Session replaying(ClusterConfig cluster, Supplier<ClusterSnapshot> snapshots,
                                    Clock clock, Confirmer confirmer) {
        return new Session(new Settings(cluster), clock, confirmer, snapshots);
    }

    public Clock clock() {
        return clock;
    }

    public Settings settings() {
        return settings;
    }

    public ClusterConnection connection() {
        return connection;
    }

    public BatchState batch() {
        return batch;
    }

    public Asking asking() {
        return asking;
    }

    @Override
    public void close() {
        connection.close();
    }
}
