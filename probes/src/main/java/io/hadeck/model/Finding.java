package io.hadeck.model;

import java.util.List;
import java.util.Objects;

/**
 * Something an operator should know, derived from a snapshot by a pure function.
 *
 * @param code    stable identifier (e.g. {@link FindingCode#PG_TWO_PRIMARIES}); tests, JSON and runbooks key on its name
 * @param nodes   the nodes involved, possibly empty for cluster-wide findings
 * @param message one sentence an operator understands at 3 a.m.
 * @param action  the suggested next step, or null when there is nothing to do
 */
public record Finding(Severity severity, FindingCode code, List<String> nodes, String message, String action) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        nodes = List.copyOf(nodes);
    }
}
