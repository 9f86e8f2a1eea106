package io.hadeck.actions.lock;

import java.util.Optional;

/**
 * One operator at a time per cluster. {@link #acquire()} is taken before a runbook executes and
 * the returned handle closed after; {@link #holder()} lets every console header show who acts.
 */
public interface ActionLock {

    /** "user@host pid N since T" of whoever holds the lock now, empty when free. */
    Optional<String> holder();

    /** Takes the lock or throws {@link LockHeldException} naming the holder. */
    Held acquire();

    interface Held extends AutoCloseable {
        String holderText();

        @Override
        void close();
    }

    /** For clusters without etcd (a DRBD pair): there is nothing to share a lock through. */
    ActionLock NONE = new ActionLock() {
        @Override
        public Optional<String> holder() {
            return Optional.empty();
        }

        @Override
        public Held acquire() {
            return new Held() {
                @Override
                public String holderText() {
                    return "(no lock: the cluster has no etcd)";
                }

                @Override
                public void close() {
                }
            };
        }
    };
}
