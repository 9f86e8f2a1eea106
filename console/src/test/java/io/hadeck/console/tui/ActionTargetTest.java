package io.hadeck.console.tui;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** An action key acts on the node the operator selected, when that node is one the action can take. */
class ActionTargetTest {

    static ClusterConfig cluster(Path dir) throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, """
                clusters:
                  - name: c
                    manager: patroni
                    etcd: {endpoints: [http://127.0.0.1:2379]}
                    nodes:
                      - {name: pg-1, host: 127.0.0.1, postgres: 127.0.0.1:5432, patroni: http://127.0.0.1:8008}
                      - name: drbd-a
                        host: 127.0.0.2
                        drbd: {resources: [r0], via: ssh}
                        peer: drbd-b
                        keepalived: {vip: 192.0.2.1, mount: /srv, services: [postgresql]}
                      - name: drbd-b
                        host: 127.0.0.3
                        drbd: {resources: [r0], via: ssh}
                        peer: drbd-a
                        keepalived: {vip: 192.0.2.1, mount: /srv, services: [postgresql]}
                """);
        return ConfigLoader.load(f).pick("c");
    }

    @Test
    void handoverGoesToTheSelectedPairNodeAndOtherwiseToTheOnlyPair(@TempDir Path dir) throws IOException {
        ClusterConfig c = cluster(dir);
        assertThat(ActionTarget.node(ActionKind.PAIR_HANDOVER, c, "drbd-b")).isEqualTo("drbd-b");
        assertThat(ActionTarget.node(ActionKind.PAIR_HANDOVER, c, "pg-1")).isNull();
        assertThat(ActionTarget.node(ActionKind.DRBD_RECOVER, c, "drbd-a")).isEqualTo("drbd-a");
        assertThat(ActionTarget.node(ActionKind.DRBD_RECOVER, c, "pg-1")).isNull();
    }

    @Test
    void aNodeActionTakesTheSelectionAndAClusterActionNone(@TempDir Path dir) throws IOException {
        ClusterConfig c = cluster(dir);
        ActionKind nodeAction = Arrays.stream(ActionKind.values()).filter(ActionKind::needsNode)
                .filter(k -> k != ActionKind.PAIR_HANDOVER && k != ActionKind.DRBD_RECOVER).findFirst().orElseThrow();
        ActionKind clusterAction = Arrays.stream(ActionKind.values()).filter(k -> !k.needsNode())
                .filter(k -> k != ActionKind.PAIR_HANDOVER && k != ActionKind.DRBD_RECOVER).findFirst().orElseThrow();
        assertThat(ActionTarget.node(nodeAction, c, "pg-1")).isEqualTo("pg-1");
        assertThat(ActionTarget.node(clusterAction, c, "pg-1")).isNull();
    }
}
