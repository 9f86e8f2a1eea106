package io.hadeck.actions.lock;

import io.hadeck.actions.ActionException;

/** Another console holds the action lock of this cluster. */
public class LockHeldException extends ActionException {
    private final String holder;

    public LockHeldException(String cluster, String holder) {
        super("another operator is acting on " + cluster + ": the action lock is held by " + holder);
        this.holder = holder;
    }

    public String holder() {
        return holder;
    }
}
