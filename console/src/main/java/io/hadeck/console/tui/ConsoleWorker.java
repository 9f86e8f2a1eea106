package io.hadeck.console.tui;

import io.hadeck.threads.Threads;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's one worker thread for what may wait (commands, the journal, switching clusters),
 * and the queue by which its results come back to the UI thread: the screen never waits, and only
 * the UI thread touches what is drawn.
 */
final class ConsoleWorker implements AutoCloseable {
    private final Queue<Runnable> uiTasks = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.daemon("hadeck-console-command"));

    void submit(Runnable work) {
        worker.submit(work);
    }

    /** Runs {@code task} on the UI thread at its next turn. */
    void onUi(Runnable task) {
        uiTasks.add(task);
    }

    /** On the UI thread: runs what was handed back; true when anything ran (the frame changed). */
    boolean runUiTasks() {
        boolean ran = false;
        Runnable r;
        while ((r = uiTasks.poll()) != null) {
            r.run();
            ran = true;
        }
        return ran;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
