package io.hadeck.hooks;

import io.hadeck.threads.Threads;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hadeck.config.HookConfig;
import io.hadeck.events.Event;
import io.hadeck.events.EventLog;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the configured {@code hooks:} when a finding is raised or cleared: the program (argv, no
 * shell) gets the event as one JSON object on stdin. Each hook runs on its own thread behind its own
 * bounded queue, in the order the findings changed (a pager must not hear "cleared" before
 * "raised"), so a slow hook never holds up the watcher, the console or another hook; a hook still
 * running at its deadline is killed (with its children), and every outcome is logged, never shown.
 */
public final class HookRunner implements EventLog.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("hadeck.hooks");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int QUEUE = 100;

    private final String cluster;
    private final List<HookConfig> hooks;
    private final Map<String, ThreadPoolExecutor> queues = new java.util.LinkedHashMap<>();
    /** The severity each finding had when raised: a cleared event is OK, but "cleared a CRIT" is what hooks match. */
    private final Map<String, Severity> raised = new HashMap<>();

    public HookRunner(String cluster, List<HookConfig> hooks) {
        this.cluster = cluster;
        this.hooks = List.copyOf(hooks);
        for (HookConfig h : this.hooks) {
            queues.put(h.name(), new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                    Threads.daemon("hadeck-hook-" + h.name())));
        }
    }

    @Override
    public void seen(ClusterSnapshot snapshot, List<Event> events) {
        for (Event e : events) {
            if (e.finding() == null || e.code() == null) {
                continue;
            }
            String key = e.code() + "|" + e.node();
            HookConfig.On on;
            Severity severity;
            synchronized (raised) {
                switch (e.finding()) {
                    case RAISED, CHANGED -> {
                        raised.put(key, e.severity());
                        on = e.finding() == Event.FindingChange.RAISED ? HookConfig.On.RAISED : null;
                        severity = e.severity();
                    }
                    case CLEARED -> {
                        Severity was = raised.remove(key);
                        on = HookConfig.On.CLEARED;
                        severity = was == null ? e.severity() : was;
                    }
                    default -> throw new IllegalStateException();
                }
            }
            if (on == null) {
                continue;
            }
            for (HookConfig h : hooks) {
                if (h.matches(e.code(), severity, on)) {
                    submit(h, payload(e, on, severity));
                }
            }
        }
    }

    private byte[] payload(Event e, HookConfig.On on, Severity findingSeverity) {
        ObjectNode n = JSON.createObjectNode();
        n.put("cluster", cluster).put("code", e.code()).put("change", on.name().toLowerCase(Locale.ROOT))
                .put("severity", findingSeverity.name().toLowerCase(Locale.ROOT)).put("node", e.node())
                .put("at", e.at().toString()).put("text", e.text());
        return (n + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void submit(HookConfig h, byte[] stdin) {
        try {
            queues.get(h.name()).execute(() -> run(h, stdin));
        } catch (RejectedExecutionException e) {
            LOG.warn("hook {} not run: {} hooks already waiting", h.name(), QUEUE);
        }
    }

    /** Runs one hook to its end or its deadline; never throws. */
    static HookOutcome run(HookConfig h, byte[] stdin) {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(h.command()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.warn("hook {} could not start: {}", h.name(), e.getMessage());
            return HookOutcome.NOT_STARTED;
        }
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // a hook that does not read its stdin is its own business
        }
        try {
            if (!p.waitFor(h.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                LOG.warn("hook {} killed: still running after {} s", h.name(), h.timeout().toSeconds());
                return HookOutcome.KILLED;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return HookOutcome.KILLED;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (p.exitValue() != 0) {
            LOG.warn("hook {} failed: exit {} after {} ms", h.name(), p.exitValue(), ms);
            return HookOutcome.FAILED;
        }
        LOG.info("hook {} ran in {} ms", h.name(), ms);
        return HookOutcome.OK;
    }

    /** How a hook run ended. */
    enum HookOutcome { OK, FAILED, KILLED, NOT_STARTED }

    /** Lets queued hooks run for up to the longest deadline, then kills what is left. */
    @Override
    public void close() {
        queues.values().forEach(ThreadPoolExecutor::shutdown);
        long longest = hooks.stream().mapToLong(h -> h.timeout().toMillis()).max().orElse(0);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(longest + 1000);
        try {
            for (ThreadPoolExecutor q : queues.values()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !q.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    q.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            queues.values().forEach(ThreadPoolExecutor::shutdownNow);
            Thread.currentThread().interrupt();
        }
    }
}
