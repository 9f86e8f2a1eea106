package io.hadeck.console.commands;

import io.hadeck.units.Durations;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * A point in time for --since/--until: how long ago ({@code 2h}, {@code 90m}) or a moment
 * ({@code 2026-12-01T04:00:00Z}, {@code 2026-12-01T05:00:00+01:00}). Kept as text until the
 * command runs, so "2h ago" means ago from when it runs, not from when a batch file was parsed.
 */
public final class TimeConverter implements CommandLine.ITypeConverter<TimeConverter.When> {

    /** An instant given or a duration back from now. */
    public record When(String text) {
        public Instant resolve(Clock clock) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // not an instant in UTC: one with an offset, or a duration back
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // a duration back
            }
            return clock.instant().minus(Durations.parseOrThrow(text));
        }
    }

    @Override
    public When convert(String value) {
        When w = new When(value.strip());
        try {
            w.resolve(Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is neither a duration back (2h, 30m) nor a time (2026-12-01T04:00:00Z)");
        }
        return w;
    }
}
