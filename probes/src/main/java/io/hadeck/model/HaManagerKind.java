package io.hadeck.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which HA manager runs a cluster's PostgreSQL: the config's {@code manager:} word. Its {@link #toString()}
 * is that word, so sentences ("the patroni member list") and JSON keep the operator's spelling.
 */
public enum HaManagerKind {
    PATRONI("patroni"),
    CHEF_BACKEND("chef-backend"),
    /** No HA manager: etcd, Elasticsearch or a DRBD pair alone. */
    NONE("none");

    private final String word;

    HaManagerKind(String word) {
        this.word = word;
    }

    /** The word in the config and in JSON. */
    @JsonValue
    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }

    /** The kind a config word names, empty for a word no manager has. */
    public static Optional<HaManagerKind> of(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    /** Every config word, for the one-line error on an unknown one. */
    public static String[] words() {
        return Arrays.stream(values()).map(HaManagerKind::word).toArray(String[]::new);
    }
}
