package io.hadeck.actions.lock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.Operator;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action lock talks to etcd the way the readers do: with the cluster's TLS settings, never in plain text. */
class EtcdActionLockTest {

    @Test
    void aClusterWhoseEtcdNeedsTlsIsLockedOverTlsOrNotAtAll(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("hadeck.yaml");
        Files.writeString(cfg, String.join("\n",
                "clusters:",
                "  - name: tls-only",
                "    manager: patroni",
                "    etcd:",
                "      endpoints: [https://127.0.0.1:2379]",
                "      tls: {ca: " + dir.resolve("missing-ca.pem") + "}",
                "    nodes:",
                "      - {name: node-1, host: 127.0.0.1, etcd: https://127.0.0.1:2379}",
                ""));
        ClusterConfig cluster = ConfigLoader.load(cfg).pick(null);

        // Before, the lock ignored `tls:` and would have spoken plain text to a TLS-only etcd.
        assertThatThrownBy(() -> new EtcdActionLock(cluster, new Operator("oncall", "bastion", 42), Clock.systemUTC()))
                .isInstanceOf(ActionException.class)
                .hasMessageStartingWith("cannot reach etcd for the action lock: ")
                .hasMessageContaining("missing-ca.pem");
    }
}
