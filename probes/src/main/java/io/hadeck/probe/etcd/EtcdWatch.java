package io.hadeck.probe.etcd;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches the HA manager's prefix (e.g. {@code /service/lab/}) so a leader change is seen within
 * milliseconds instead of at the next poll. The callback gets the changed keys, relative to the
 * prefix ("leader", "members/node-2"), with their new values (null when deleted). jetcd re-establishes the watch on another member after a
 * failure; a failure is logged and reported through {@code onError}.
 */
public class EtcdWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdWatch.class);

    private final Watch.Watcher watcher;

    /** Watches through {@code client}, the cluster's shared one: its owner closes it, after this watch. */
    public EtcdWatch(Client client, String prefix, Consumer<Map<String, String>> onChange,
                     Consumer<String> onError) {
        this.watcher = client.getWatchClient().watch(EtcdClients.bytes(prefix),
                WatchOption.newBuilder().isPrefix(true).build(),
                response -> {
                    Map<String, String> changes = new LinkedHashMap<>();
                    for (WatchEvent e : response.getEvents()) {
                        String k = EtcdClients.text(e.getKeyValue().getKey());
                        changes.put(k.startsWith(prefix) ? k.substring(prefix.length()) : k,
                                e.getEventType() == WatchEvent.EventType.DELETE ? null
                                        : EtcdClients.text(e.getKeyValue().getValue()));
                    }
                    onChange.accept(changes);
                },
                error -> {
                    LOG.warn("etcd watch on {} failed: {}", prefix, error.toString());
                    onError.accept(error.getMessage());
                });
    }

    @Override
    public void close() {
        watcher.close();
    }
}
