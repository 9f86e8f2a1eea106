package io.hadeck.console.commands;

import io.hadeck.units.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** --interval 2s, --timeout 5m: the same duration literals as conditions. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parseOrThrow(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
