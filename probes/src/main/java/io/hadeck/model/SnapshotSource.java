package io.hadeck.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where views get snapshots from: they subscribe, they never call a reader. */
public interface SnapshotSource {

    /** The newest snapshot, empty before the first one is published. */
    Optional<ClusterSnapshot> latest();

    /** Called on the watcher's thread for every new snapshot; returns a handle to unsubscribe. */
    AutoCloseable subscribe(Consumer<ClusterSnapshot> listener);

    /** Asks for a new round of readings now (the console's `r` key); sources that cannot, ignore it. */
    default void refreshNow() {
    }

    /** Recent snapshots, oldest first, for sparklines; empty when the source keeps none. */
    default List<ClusterSnapshot> history() {
        return List.of();
    }
}
