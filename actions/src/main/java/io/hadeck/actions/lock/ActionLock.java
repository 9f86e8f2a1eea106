package io.hadeck.actions.lock;

import java.util.Optional;

/**
 * One operator at a time per cluster. {@link #acquire()} is taken before a runbook executes and the
 * returned handle closed after; the runner calls {@link Held#verify()} before every step, so a lock
 * lost mid-run stops the run. {@link #holder()} lets every console header show who acts.
 */
public interface ActionLock {

    /** "user@host pid N since T (etcd lock)" of whoever holds the lock now, empty when free. */
    Optional<String> holder();

    /** Takes the lock or throws {@link LockHeldException} naming the holder. */
    Held acquire();

    /** "etcd lock", "lock file on this host": said in the header and the audit log. */
    String kind();

    interface Held extends AutoCloseable {
        String holderText();

        /** Throws {@link io.hadeck.actions.ActionException} saying why when the lock is no longer held. */
        void verify();

        @Override
        void close();
    }
}
