package io.hadeck.watch;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ReadProgress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Which node layers each source fills in, so a card can say "reading…" until that source answers. */
final class Pending {

    private Pending() {
    }

    static ReadProgress of(List<Source<?>> sources, ClusterConfig cfg) {
        int answered = 0;
        Set<String> pending = new LinkedHashSet<>();
        for (Source<?> s : sources) {
            if (s.readAtLeastOnce()) {
                answered++;
            } else {
                pending.addAll(layersOf(s.key, cfg));
            }
        }
        return new ReadProgress(answered, sources.size(), pending);
    }

    /** The node layers (card labels) a source's key names: see {@link Sources#of}. */
    static List<String> layersOf(String sourceKey, ClusterConfig cfg) {
        int space = sourceKey.indexOf(' ');
        String kind = space < 0 ? sourceKey : sourceKey.substring(0, space);
        String node = space < 0 ? null : sourceKey.substring(space + 1);
        return switch (kind) {
            case "etcd" -> nodes(cfg, n -> n.etcd() != null, "etcd");
            case "elasticsearch" -> nodes(cfg, n -> n.elasticsearch() != null, "ES");
            case "patroni", "chef-backend" -> nodes(cfg, n -> n.postgres() != null || n.patroni() != null, "HA");
            case "postgres" -> List.of(ReadProgress.key(node, "PG"));
            case "drbd" -> List.of(ReadProgress.key(node, "DRBD"));
            case "pair" -> List.of(ReadProgress.key(node, "VRRP"));
            default -> List.of();
        };
    }

    private static List<String> nodes(ClusterConfig cfg, Predicate<NodeConfig> has, String layer) {
        return cfg.nodes().stream().filter(has).map(n -> ReadProgress.key(n.name(), layer)).toList();
    }
}
