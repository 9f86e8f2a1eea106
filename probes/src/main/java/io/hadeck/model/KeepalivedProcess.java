package io.hadeck.model;

import java.util.List;

/**
 * keepalived's processes on one node, from {@code ps}: running, frozen (stopped by a signal: it
 * sends no adverts and answers nothing, but keeps its VIP), or not running at all.
 */
public record KeepalivedProcess(State state, List<Long> pids, long uptimeSeconds) {
    public KeepalivedProcess {
        pids = List.copyOf(pids);
    }

    public enum State { RUNNING, FROZEN, NOT_RUNNING }

    public static KeepalivedProcess notRunning() {
        return new KeepalivedProcess(State.NOT_RUNNING, List.of(), 0);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
