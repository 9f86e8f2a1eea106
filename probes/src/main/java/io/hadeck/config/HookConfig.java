package io.hadeck.config;

import io.hadeck.model.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code hooks:} entry: run {@code command} (argv, no shell) with the event as JSON on stdin when
 * a finding matching {@code codes} or {@code severity} is raised or cleared.
 *
 * @param name     how the log and errors name the hook
 * @param codes    finding codes that fire it; empty means any code at or above {@code severity}
 * @param severity the least severity that fires it (of the finding raised, or of the one cleared)
 * @param on       raised, cleared or both
 * @param timeout  the deadline after which the command is killed
 */
public record HookConfig(String name, List<String> command, Set<String> codes, Severity severity, Set<On> on,
                         Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public enum On { RAISED, CLEARED }

    public HookConfig {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        codes = Set.copyOf(codes);
        on = Set.copyOf(on);
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Whether a finding of this code and severity, raised or cleared, fires this hook. */
    public boolean matches(String code, Severity findingSeverity, On change) {
        if (!on.contains(change)) {
            return false;
        }
        boolean codeOk = codes.isEmpty() || codes.contains(code);
        boolean severityOk = severity == null || findingSeverity.atLeast(severity);
        return codeOk && severityOk;
    }
}
