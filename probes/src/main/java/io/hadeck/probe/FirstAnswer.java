package io.hadeck.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks several nodes the same question at once and takes the first good answer: a dead or hung
 * node costs nothing as long as one other answers. The losers are cancelled.
 */
public final class FirstAnswer {

    private static final AtomicInteger IDS = new AtomicInteger();
    /** Daemon threads, created on demand, idle ones reclaimed: asks are short and bounded by timeouts. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hadeck-ask-" + IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private FirstAnswer() {
    }

    private record Outcome<T>(T value, String label, Exception error) {
    }

    /**
     * @param asks   one per node; labels for errors come from {@code labels} in the same order
     * @param what   the source's name for the message when nobody answers ("Elasticsearch")
     */
    public static <T> T of(List<Callable<T>> asks, Duration timeout, String what) throws InterruptedException {
        return of(asks, null, timeout, what);
    }

    public static <T> T of(List<Callable<T>> asks, List<String> labels, Duration timeout, String what)
            throws InterruptedException {
        if (asks.isEmpty()) {
            throw new ProbeException("no " + what + " endpoint configured");
        }
        BlockingQueue<Outcome<T>> done = new LinkedBlockingQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Callable<T> ask = asks.get(i);
            String label = labels == null ? null : labels.get(i);
            futures.add(POOL.submit(() -> {
                try {
                    done.add(new Outcome<>(ask.call(), label, null));
                } catch (Exception e) {
                    done.add(new Outcome<>(null, label, e));
                }
            }));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> errors = new ArrayList<>();
        try {
            for (int i = 0; i < asks.size(); i++) {
                Outcome<T> o = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (o == null) {
                    throw new ProbeException("no " + what + " node answered: "
                            + (errors.isEmpty() ? "" : String.join("; ", errors) + "; others ") + Failures.timedOut(timeout));
                }
                if (o.error() == null) {
                    return o.value();
                }
                String reason = Failures.describe(o.error(), timeout);
                errors.add(o.label() == null ? reason : o.label() + ": " + reason);
            }
            throw new ProbeException(errors.stream().distinct().count() == 1 && labels == null
                    ? "no " + what + " node answered: " + errors.get(0)
                    : "no " + what + " node answered: " + String.join("; ", errors));
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    /** Runs one task on the shared pool (for callers that fan out themselves). */
    public static <T> Future<T> submit(Callable<T> task) {
        return POOL.submit(task);
    }
}
