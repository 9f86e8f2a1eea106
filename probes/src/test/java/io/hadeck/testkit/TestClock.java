package io.hadeck.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when a test says: by hand ({@link #advance}), and, when given a step, by
 * that step after each look at it (a call that took that long between two looks).
 */
public final class TestClock extends Clock {
    private final Duration stepPerLook;
    private Instant now;

    public TestClock(Instant start) {
        this(start, Duration.ZERO);
    }

    public TestClock(Instant start, Duration stepPerLook) {
        this.now = start;
        this.stepPerLook = stepPerLook;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public synchronized Instant instant() {
        Instant t = now;
        now = now.plus(stepPerLook);
        return t;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
