package io.hadeck.probe;

import io.hadeck.threads.Threads;
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

/**
 * Asks several nodes the same question and takes the first good answer: a dead or hung node costs
 * little as long as one other answers. A few nodes are asked at once (all of a 3-node cluster);
 * each failure, and each {@link #HEDGE} without an answer, brings in the next node, so a 300-node
 * fleet costs a handful of requests, not 300. The losers are cancelled.
 */
public final class FirstAnswer {

    /** Asked at once at the start. */
    static final int FAN_OUT = 3;
    /** No answer yet after this long: ask one more node (what a hung node costs at most). */
    static final Duration HEDGE = Duration.ofMillis(250);

    /** A virtual thread per ask: asks block on sockets and are bounded by timeouts; cancelling one
     *  interrupts it, which closes the socket it is blocked on. */
    private static final ExecutorService POOL =
            Executors.newThreadPerTaskExecutor(Threads.virtual("hadeck-ask"));

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
        Asking<T> a = new Asking<>(asks, labels);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> errors = new ArrayList<>();
        try {
            while (a.started < Math.min(FAN_OUT, asks.size())) {
                a.startNext();
            }
            long nextHedge = System.nanoTime() + HEDGE.toNanos();
            for (int finished = 0; finished < asks.size(); ) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    break;
                }
                long until = a.allStarted() ? deadline : Math.min(deadline, nextHedge);
                Outcome<T> o = a.done.poll(Math.max(0, until - now), TimeUnit.NANOSECONDS);
                if (o == null) {
                    if (!a.allStarted() && System.nanoTime() >= nextHedge) {
                        a.startNext();   // the asked ones are slow: one more node gets the question
                        nextHedge = System.nanoTime() + HEDGE.toNanos();
                    }
                    continue;
                }
                finished++;
                if (o.error() == null) {
                    return o.value();
                }
                String reason = Failures.describe(o.error(), timeout);
                errors.add(o.label() == null ? reason : o.label() + ": " + reason);
                if (!a.allStarted()) {
                    a.startNext();
                    nextHedge = System.nanoTime() + HEDGE.toNanos();
                }
            }
            if (errors.size() < asks.size()) {
                throw new ProbeException("no " + what + " node answered: "
                        + (errors.isEmpty() ? "" : String.join("; ", errors) + "; others ") + Failures.timedOut(timeout));
            }
            throw new ProbeException(errors.stream().distinct().count() == 1 && labels == null
                    ? "no " + what + " node answered: " + errors.get(0)
                    : "no " + what + " node answered: " + String.join("; ", errors));
        } finally {
            a.cancelAll();
        }
    }

    /** The asks of one question, started one by one on the shared pool. */
    private static final class Asking<T> {
        final BlockingQueue<Outcome<T>> done = new LinkedBlockingQueue<>();
        final List<Callable<T>> asks;
        final List<String> labels;
        final List<Future<?>> futures = new ArrayList<>();
        int started;

        Asking(List<Callable<T>> asks, List<String> labels) {
            this.asks = asks;
            this.labels = labels;
        }

        boolean allStarted() {
            return started == asks.size();
        }

        void startNext() {
            Callable<T> ask = asks.get(started);
            String label = labels == null ? null : labels.get(started);
            started++;
            futures.add(POOL.submit(() -> {
                try {
                    done.add(new Outcome<>(ask.call(), label, null));
                } catch (Exception e) {
                    done.add(new Outcome<>(null, label, e));
                }
            }));
        }

        void cancelAll() {
            futures.forEach(f -> f.cancel(true));
        }
    }

    /** The nodes in order, the one that answered last time moved to the front (it most likely answers again). */
    public static List<String> lastWinnerFirst(List<String> nodes, String lastWinner) {
        if (lastWinner == null || !nodes.contains(lastWinner) || nodes.get(0).equals(lastWinner)) {
            return nodes;
        }
        List<String> out = new ArrayList<>(nodes.size());
        out.add(lastWinner);
        nodes.stream().filter(n -> !n.equals(lastWinner)).forEach(out::add);
        return out;
    }

    /** Runs one task on the shared pool (for callers that fan out themselves). */
    public static <T> Future<T> submit(Callable<T> task) {
        return POOL.submit(task);
    }
}
