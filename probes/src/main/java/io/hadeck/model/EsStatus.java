package io.hadeck.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Elasticsearch's cluster health colour; {@link #toString()} is the word _cluster/health says. */
public enum EsStatus {
    GREEN(Severity.OK),
    /** Every primary shard allocated, some replicas not. */
    YELLOW(Severity.WARN),
    /** Some primary shard is not allocated: searches and writes to its index fail. */
    RED(Severity.CRIT),
    /** A word this version of hadeck does not know: treated as the worst. */
    UNKNOWN(Severity.CRIT);

    private final Severity severity;

    EsStatus(Severity severity) {
        this.severity = severity;
    }

    /** The word Elasticsearch sends (green/yellow/red), UNKNOWN for any other; never throws. */
    public static EsStatus of(String word) {
        return switch (word == null ? "" : word.toLowerCase(Locale.ROOT)) {
            case "green" -> GREEN;
            case "yellow" -> YELLOW;
            case "red" -> RED;
            default -> UNKNOWN;
        };
    }

    public Severity severity() {
        return severity;
    }

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return word();
    }
}
