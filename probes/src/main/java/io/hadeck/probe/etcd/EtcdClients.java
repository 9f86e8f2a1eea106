package io.hadeck.probe.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.hadeck.config.ClusterConfig;
import io.hadeck.probe.ProbeException;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Builds jetcd clients from the configuration: auth, TLS and short timeouts in one place. */
public final class EtcdClients {
    private EtcdClients() {
    }

    public static Client build(ClusterConfig.Etcd etcd, List<String> endpoints, Duration connectTimeout) {
        ClientBuilder b = Client.builder().endpoints(endpoints.toArray(String[]::new))
                .connectTimeout(connectTimeout)
                .waitForReady(false)                 // fail fast on a dead member instead of queueing
                .retryMaxAttempts(1)
                .retryMaxDuration(connectTimeout)
                .keepaliveTime(Duration.ofSeconds(10))
                .keepaliveTimeout(connectTimeout);
        if (etcd != null && etcd.username() != null && etcd.password() != null) {
            b.user(bytes(etcd.username())).password(bytes(etcd.password().reveal()));
        }
        // https:// means TLS with or without a tls: block (then the system trust store); grpc-netty
        // checks the server's name. Without sslContext jetcd would speak plaintext to an https URL.
        if (etcd != null && (etcd.tls() != null || endpoints.stream().anyMatch(u -> u.startsWith("https:")))) {
            try {
                var tls = etcd.tls() != null ? etcd.tls() : new io.hadeck.config.Tls(null, null, null);
                b.sslContext(ssl -> {
                    if (tls.ca() != null) {
                        ssl.trustManager(new File(tls.ca()));
                    }
                    if (tls.cert() != null && tls.key() != null) {
                        ssl.keyManager(new File(tls.cert()), new File(tls.key()));
                    }
                });
            } catch (Exception e) {
                throw new ProbeException("cannot set up TLS for etcd: " + e.getMessage());
            }
        }
        return b.build();
    }

    /** Every endpoint hadeck knows: the configured list plus each node's own, without repeats. */
    public static List<String> endpoints(ClusterConfig cluster) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (cluster.etcd() != null) {
            all.addAll(cluster.etcd().endpoints());
        }
        cluster.nodes().stream().filter(n -> n.etcd() != null).forEach(n -> all.add(n.etcd()));
        return List.copyOf(all);
    }

    public static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    public static String text(ByteSequence b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
