package io.hadeck.console.condition;

import io.hadeck.units.Durations;
import io.hadeck.units.Sizes;
import java.time.Duration;
import java.util.Locale;

/**
 * What a field says about a snapshot: a typed value, or unknown with the reason (source
 * unreachable, no such node). An unknown value never satisfies a comparison, so wait-for keeps
 * waiting and assert fails with the reason instead of guessing.
 */
public record Value(Type type, Object raw, String unknownReason) {

    public enum Type {
        /** a count */ NUMBER,
        /** bytes; literals like 16MB */ BYTES,
        /** seconds; literals like 30s */ SECONDS,
        /** a word such as a node name or green */ TEXT,
        /** true or false */ BOOL;

        boolean numeric() {
            return this == NUMBER || this == BYTES || this == SECONDS;
        }

        String noun() {
            return switch (this) {
                case NUMBER -> "a count";
                case BYTES -> "a size";
                case SECONDS -> "a duration";
                case TEXT -> "a word";
                case BOOL -> "true/false";
            };
        }
    }

    public static Value number(Type type, double v) {
        return new Value(type, v, null);
    }

    public static Value text(String s) {
        return s == null ? unknown(Type.TEXT, "none") : new Value(Type.TEXT, s, null);
    }

    public static Value bool(boolean b) {
        return new Value(Type.BOOL, b, null);
    }

    public static Value unknown(Type type, String reason) {
        return new Value(type, null, reason);
    }

    public boolean known() {
        return raw != null;
    }

    double asDouble() {
        return (Double) raw;
    }

    /** How the value reads in an explanation: 1.5 MiB, 12s, node-2, unknown (etcd unreachable). */
    public String show() {
        if (!known()) {
            return "unknown (" + unknownReason + ")";
        }
        return switch (type) {
            case BYTES -> Sizes.bytes((long) asDouble());
            case SECONDS -> Durations.compact(Duration.ofMillis((long) (asDouble() * 1000)));
            case NUMBER -> asDouble() == Math.rint(asDouble()) ? String.valueOf((long) asDouble())
                    : String.format(Locale.ROOT, "%.2f", asDouble());
            default -> String.valueOf(raw);
        };
    }
}
