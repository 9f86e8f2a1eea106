package io.hadeck.console.output;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Severity;

/** The short health word for prompts and title bars: ok, info, WARN 1, CRIT 2, unreachable. */
public final class Health {

    private Health() {
    }

    public static String label(ClusterSnapshot s) {
        if (Reachability.nothingReachable(s)) {
            return "unreachable";
        }
        Severity w = s.worst();
        return switch (w) {
            case OK, INFO -> w.word();
            default -> w.word() + " " + s.count(w);
        };
    }
}
