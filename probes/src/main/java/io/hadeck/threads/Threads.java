package io.hadeck.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The one way hadeck makes threads. Platform threads are daemons: a read hung on a frozen node
 * must never keep the JVM from exiting. Every thread is named, so a thread dump reads like the
 * console: hadeck-read-3, hadeck-journal, hadeck-hook-pager.
 */
public final class Threads {

    private Threads() {
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
