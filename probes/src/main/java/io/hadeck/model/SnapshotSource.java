package io.hadeck.model;

import java.util.Optional;
import java.util.function.Consumer;

/** Where views get snapshots from: they subscribe, they never call a reader. */
public interface SnapshotSource {

    /** The newest snapshot, empty before the first one is published. */
    Optional<ClusterSnapshot> latest();

    /** Called on the watcher's thread for every new snapshot; returns a handle to unsubscribe. */
    AutoCloseable subscribe(Consumer<ClusterSnapshot> listener);
}
