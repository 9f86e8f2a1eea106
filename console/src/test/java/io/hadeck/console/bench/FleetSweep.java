package io.hadeck.console.bench;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.ConfigException;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.console.output.JulBridge;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One full sweep of a large fleet ({@code OneShotSweep}) for scripts/bench/fleet-sweep:
 * wall time, when the last PostgreSQL answer came, and peak heap, and how each node's reading came back (answered, refused or
 * otherwise failed fast, hung until the deadline), with the distinct failure texts so that a server
 * refusing connections ("too many clients") shows up as what it is.
 * Usage: FleetSweep CONFIG [DEADLINE_MS] [SWEEPS]. The first sweep is cold (class loading, TLS and
 * driver set-up, as in a fresh {@code hadeck status}); later ones run in the same JVM.
 */
public final class FleetSweep {

    private FleetSweep() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: FleetSweep CONFIG [DEADLINE_MS (1000)] [SWEEPS (2)]");
            System.exit(2);
        }
        JulBridge.install();   // gRPC's java.util.logging goes to the log file, as in hadeck itself
        try {
            Path file = Path.of(args[0]);
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file);
            }
            long deadlineMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
            int sweeps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
            if (deadlineMs <= 0 || sweeps <= 0) {
                throw new IllegalArgumentException("DEADLINE_MS and SWEEPS must be positive");
            }
            ClusterConfig cluster = ConfigLoader.load(file).pick(null);
            run(cluster, Duration.ofMillis(deadlineMs), sweeps);
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("FleetSweep: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);   // readers leave daemon and non-daemon client threads behind
    }

    private static void run(ClusterConfig cluster, Duration deadline, int sweeps) {
        resetPeaks();
        System.out.printf("FleetSweep: nodes %d, deadline %d ms, max heap %d MB%n", cluster.nodes().size(),
                deadline.toMillis(), Runtime.getRuntime().maxMemory() >> 20);
        for (int i = 1; i <= sweeps; i++) {
            java.time.Instant started = java.time.Instant.now();
            long t0 = System.nanoTime();
            ClusterSnapshot s = OneShotSweep.SYSTEM.read(cluster, deadline);
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            Tally t = Tally.of(s, deadline, started);
            System.out.printf("sweep %d (%s): nodes %d  reachable %d  unreachable %d  hung %d  wall %d ms"
                            + "  last answer %d ms  slowest answer %d ms  slowest refusal %d ms  peak heap %.1f MB  threads %d%n",
                    i, i == 1 ? "cold" : "warm", s.nodes().size(), t.reachable, t.unreachable, t.hung, wallMs,
                    t.lastAnswerMs, t.slowestOkMs, t.slowestFailMs, peakHeapBytes() / 1048576.0,
                    ManagementFactory.getThreadMXBean().getPeakThreadCount());
            t.errors.forEach((text, n) -> System.out.printf("    %4d x %s%n", n, text));
        }
    }

    /** PostgreSQL readings by outcome (every fleet node has a PostgreSQL endpoint). */
    private static final class Tally {
        int reachable;
        int unreachable;
        int hung;
        long slowestOkMs;
        long slowestFailMs;
        /** When the last PostgreSQL answer came, from the start of the sweep (nodes of one server queue for it). */
        long lastAnswerMs;
        final Map<String, Integer> errors = new TreeMap<>();

        static Tally of(ClusterSnapshot s, Duration deadline, java.time.Instant started) {
            Tally t = new Tally();
            for (NodeView n : s.nodes()) {
                Observation<?> pg = n.postgres();
                if (pg == null) {
                    t.count("no PostgreSQL reading at all");
                    t.unreachable++;
                } else if (pg.isOk()) {
                    t.reachable++;
                    t.slowestOkMs = Math.max(t.slowestOkMs, pg.took().toMillis());
                    t.lastAnswerMs = Math.max(t.lastAnswerMs, Duration.between(started, pg.readAt()).toMillis());
                } else if (pg.error().contains("timed out") || pg.took().compareTo(deadline) >= 0) {
                    t.hung++;
                    t.count(pg.error());
                } else {
                    t.unreachable++;
                    t.slowestFailMs = Math.max(t.slowestFailMs, pg.took().toMillis());
                    t.count(pg.error());
                }
            }
            return t;
        }

        private void count(String error) {
            errors.merge(error, 1, Integer::sum);
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> out = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                out.add(p);
            }
        }
        return out;
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of each heap pool's peak since the reset: an upper bound (pools peak at different moments). */
    private static long peakHeapBytes() {
        Map<String, Long> byPool = new LinkedHashMap<>();
        heapPools().forEach(p -> byPool.put(p.getName(), p.getPeakUsage().getUsed()));
        return byPool.values().stream().mapToLong(Long::longValue).sum();
    }
}
