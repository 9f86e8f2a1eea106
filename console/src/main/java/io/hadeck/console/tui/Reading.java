package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;
import io.hadeck.model.Observation;

import java.time.Duration;

/**
 * An observation as the screen must treat it: absent (layer not run), failed, stale or fresh.
 * Panes show a failed reading as "unreachable: …" and a stale one as "stale 9 s" in the stale
 * role, never the last good value in normal colours.
 */
public record Reading<T>(State state, T value, String error, Duration age) {

    public enum State { ABSENT, FAILED, STALE, FRESH }

    public static <T> Reading<T> of(Observation<T> o, RenderContext c) {
        if (o == null) {
            return new Reading<>(State.ABSENT, null, null, Duration.ZERO);
        }
        Duration age = o.age(c.now());
        if (!o.isOk()) {
            return new Reading<>(State.FAILED, null, o.error(), age);
        }
        State s = o.isStale(c.now(), c.thresholds().stale()) ? State.STALE : State.FRESH;
        return new Reading<>(s, o.value(), null, age);
    }

    /** A fresh reading the watcher says is late (its next read did not land in time) is shown stale. */
    public Reading<T> asStale() {
        return state == State.FRESH ? new Reading<>(State.STALE, value, null, age) : this;
    }

    public boolean present() {
        return state != State.ABSENT;
    }

    public boolean fresh() {
        return state == State.FRESH;
    }

    /** The role for a value that is normally shown in {@code normal}: STALE when stale. */
    public Role role(Role normal) {
        return state == State.STALE ? Role.STALE : normal;
    }

    /** "unreachable: connection refused" or "stale 9 s", null when fresh or absent. */
    public String problem() {
        return switch (state) {
            case FAILED -> "unreachable: " + error;
            case STALE -> "stale " + Format.age(age);
            default -> null;
        };
    }
}
