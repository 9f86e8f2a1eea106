package io.hadeck.findings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Numbers and names the way an operator reads them in one sentence. */
final class Words {

    private Words() {
    }

    /** 0.4 s, 12 s, 5 min 3 s, 2 h 1 min. */
    static String seconds(double s) {
        if (s < 10 && s != Math.rint(s)) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long t = Math.round(s);
        if (t < 60) {
            return t + " s";
        }
        if (t < 3600) {
            return t / 60 + " min" + (t % 60 == 0 ? "" : " " + t % 60 + " s");
        }
        return t / 3600 + " h" + (t % 3600 / 60 == 0 ? "" : " " + t % 3600 / 60 + " min");
    }

    static String duration(Duration d) {
        return seconds(d.toMillis() / 1000.0);
    }

    /** "node-1", "node-1 and node-2", "node-1, node-2 and node-3". */
    /** One decimal: "66.7%", as Elasticsearch's own _cat output shows it. */
    static String percent(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }

    static String names(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
