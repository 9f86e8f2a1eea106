package io.hadeck.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The one way hadeck makes threads. Platform threads are daemons: a read hung on a frozen node
 * must never keep the JVM from exiting. Every thread is named, so a thread dump reads like the
 * console: hadeck-read-3, hadeck-journal, hadeck-hook-pager.
 */
public final class Threads {

    static {
        prepareJdkLogging();
    }

    private Threads() {
    }

    /**
     * Why: hadeck configures java.util.logging (gRPC's logging goes to the log file), so the JDK
     * sets it up on the first thread that asks for a logger instead of lazily. In CI a one-shot
     * {@code pair status} deadlocked: main in {@code System.exit} (which asks for the Runtime
     * logger) and a reader's virtual thread pinned in HttpURLConnection's static initializer (which
     * asks for its own) both waited for the LogManager's lock. So both are done here, on the thread
     * that makes the first reader, before any reader runs.
     */
    private static void prepareJdkLogging() {
        System.getLogger("java.lang.Runtime");
        try {
            Class.forName("sun.net.www.protocol.http.HttpURLConnection", true, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this JDK has no HTTP client: " + e.getMessage(), e);
        }
    }

    /** Daemon threads all named {@code name}: for a single-thread executor. */
    public static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name).daemon(true).factory();
    }

    /** Daemon threads named name-1, name-2, …: for a pool. */
    public static ThreadFactory numbered(String name) {
        return Thread.ofPlatform().name(name + "-", 1).daemon(true).factory();
    }

    /** Virtual threads named name-1, name-2, …: one per blocking read. */
    public static ThreadFactory virtual(String name) {
        return Thread.ofVirtual().name(name + "-", 1).factory();
    }

    /** One daemon thread, started. */
    public static Thread start(String name, Runnable task) {
        return Thread.ofPlatform().name(name).daemon(true).start(task);
    }
}
