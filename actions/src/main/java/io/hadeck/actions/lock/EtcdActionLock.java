package io.hadeck.actions.lock;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Lease;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.support.CloseableClient;
import io.grpc.stub.StreamObserver;
import io.hadeck.actions.ActionException;
import io.hadeck.actions.Operator;
import io.hadeck.config.ClusterConfig;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.etcd.EtcdClients;
import io.hadeck.probe.etcd.EtcdGateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The action lock as an etcd key bound to a lease: {@code /hadeck/<cluster>/action-lock} holding
 * "user@host pid N since T". The lease is kept alive while the action runs; if the console dies,
 * the key goes away with the lease after {@link #TTL_SECONDS}.
 */
public final class EtcdActionLock implements ActionLock, AutoCloseable {
    static final long TTL_SECONDS = 10;

    private final String cluster;
    private final Operator operator;
    private final Clock clock;
    private final ClusterConfig cfg;
    private final EtcdGateway gateway;
    private final ByteSequence key;
    private final Duration timeout;
    private Client client;

    public EtcdActionLock(ClusterConfig cfg, Operator operator, Clock clock) {
        if (cfg.etcd() == null || cfg.etcd().endpoints().isEmpty()) {
            throw new ActionException("cluster " + cfg.name() + " has no etcd endpoints for the action lock");
        }
        this.cluster = cfg.name();
        this.operator = operator;
        this.clock = clock;
        this.cfg = cfg;
        this.timeout = cfg.timeouts() != null ? cfg.timeouts().read().plus(cfg.timeouts().connect()) : Duration.ofSeconds(5);
        // Who holds the lock is one GET: the JSON gateway, as every reader asks etcd. The gRPC client
        // (a lease and its keepalive stream) is built only when an action takes the lock, so a console
        // that only watches never loads it.
        try {
            this.gateway = new EtcdGateway(cfg.etcd(), cfg.etcd().endpoints(),
                    cfg.timeouts() != null ? cfg.timeouts().connect() : Duration.ofSeconds(2));
        } catch (ProbeException e) {
            throw new ActionException("cannot reach etcd for the action lock: " + e.getMessage());
        }
        this.key = EtcdClients.bytes(keyFor(cluster));
    }

    private synchronized Client client() {
        if (client == null) {
            try {
                // The readers' builder: the same auth and TLS (CA, client certificate) as every other etcd call.
                client = EtcdClients.build(cfg.etcd(), cfg.etcd().endpoints(),
                        cfg.timeouts() != null ? cfg.timeouts().connect() : Duration.ofSeconds(2));
            } catch (ProbeException e) {
                throw new ActionException("cannot reach etcd for the action lock: " + e.getMessage());
            }
        }
        return client;
    }

    public static String keyFor(String cluster) {
        return "/hadeck/" + cluster + "/action-lock";
    }

    @Override
    public String kind() {
        return "etcd lock";
    }

    @Override
    public Optional<String> holder() {
        return current().map(v -> v + " (" + kind() + ")");
    }

    /** The lock's value (a linearizable read), from the first endpoint that answers, as the readers ask etcd. */
    private Optional<String> current() {
        List<String> endpoints = cfg.etcd().endpoints();
        List<Callable<Optional<String>>> asks = endpoints.stream().<Callable<Optional<String>>>map(e ->
                () -> gateway.key(e, keyFor(cluster), timeout).map(EtcdGateway.KeyValue::value)).toList();
        try {
            return FirstAnswer.of(asks, endpoints, timeout, "etcd");
        } catch (ProbeException e) {
            throw new ActionException("could not read the action lock: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException("interrupted while reading the action lock");
        }
    }

    @Override
    public Held acquire() {
        Lease leases = client().getLeaseClient();
        long lease = await(leases.grant(TTL_SECONDS), "grant a lease for the action lock").getID();
        String text = operator.holderText(clock.instant());
        KV kv = client().getKVClient();
        TxnResponse r = await(kv.txn()
                .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(key, EtcdClients.bytes(text), PutOption.builder().withLeaseId(lease).build()))
                .Else(Op.get(key, GetOption.DEFAULT))
                .commit(), "take the action lock");
        if (!r.isSucceeded()) {
            leases.revoke(lease);
            String holder = r.getGetResponses().isEmpty() || r.getGetResponses().get(0).getKvs().isEmpty() ? "someone"
                    : r.getGetResponses().get(0).getKvs().get(0).getValue().toString(StandardCharsets.UTF_8);
            throw new LockHeldException(cluster, holder);
        }
        AtomicReference<String> lost = new AtomicReference<>();
        CloseableClient keepAlive = leases.keepAlive(lease, new StreamObserver<LeaseKeepAliveResponse>() {
            @Override
            public void onNext(LeaseKeepAliveResponse value) {
                if (value.getTTL() <= 0) {
                    lost.compareAndSet(null, "etcd says the lease expired");
                }
            }

            @Override
            public void onError(Throwable t) {
                // Watched, not ignored: verify() stops the run before its next step.
                lost.compareAndSet(null, "the lease keepalive failed: " + t.getMessage());
            }

            @Override
            public void onCompleted() {
                lost.compareAndSet(null, "the lease keepalive ended");
            }
        });
        return new Held() {
            @Override
            public String holderText() {
                return text + " (" + kind() + ")";
            }

            @Override
            public void verify() {
                String why = lost.get();
                if (why != null) {
                    throw new ActionException("the action lock was lost: " + why);
                }
                Optional<String> now;
                try {
                    now = current();
                } catch (ActionException e) {
                    throw new ActionException("the action lock cannot be confirmed: " + e.getMessage());
                }
                if (now.isEmpty() || !now.get().equals(text)) {
                    throw new ActionException("the action lock was lost: " + keyFor(cluster) + " "
                            + now.map(v -> "now holds \"" + v + "\"").orElse("is gone"));
                }
            }

            @Override
            public void close() {
                keepAlive.close();
                try {
                    leases.revoke(lease).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    // the key expires with the lease within TTL_SECONDS anyway
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }

    private <T> T await(CompletableFuture<T> f, String what) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ActionException("could not " + what + ": etcd did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new ActionException("could not " + what + ": " + c.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException("interrupted while trying to " + what);
        }
    }
}
