package io.hadeck.model;

import io.hadeck.text.Redactor;
import io.hadeck.text.TerminalText;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of one source: a value or an error, when it was read and how long the read took.
 * A pane can therefore always say "stale 7 s" or "unreachable: connection refused" instead of
 * showing the last good value as if it were current.
 */
public record Observation<T>(T value, String error, Instant readAt, Duration took) {

    public Observation {
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(took, "took");
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("an observation holds a value or an error, not both or neither");
        }
        // An error is often a server's or a library's text: no secret and no escape sequence goes further.
        error = error == null ? null : TerminalText.oneLine(Redactor.redact(error));
    }

    public static <T> Observation<T> ok(T value, Instant readAt, Duration took) {
        return new Observation<>(Objects.requireNonNull(value, "value"), null, readAt, took);
    }

    public static <T> Observation<T> failed(String error, Instant readAt, Duration took) {
        return new Observation<>(null, error == null || error.isBlank() ? "unknown error" : error, readAt, took);
    }

    public boolean isOk() {
        return error == null;
    }

    public Optional<T> get() {
        return Optional.ofNullable(value);
    }

    public Duration age(Instant now) {
        Duration age = Duration.between(readAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** Older than the freshness limit: a pane must not show it in normal colours. */
    public boolean isStale(Instant now, Duration limit) {
        return age(now).compareTo(limit) > 0;
    }

    /** A good value that is also fresh: the only kind a finding may treat as current truth. */
    public Optional<T> fresh(Instant now, Duration limit) {
        return isOk() && !isStale(now, limit) ? Optional.of(value) : Optional.empty();
    }
}
