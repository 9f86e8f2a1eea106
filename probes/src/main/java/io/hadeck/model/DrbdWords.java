package io.hadeck.model;

import java.util.Arrays;
import java.util.function.Function;

/** DRBD's own spellings of its states ("UpToDate", "WFConnection"), read case-insensitively. */
final class DrbdWords {
    private DrbdWords() {
    }

    /** The constant whose DRBD word is {@code word}, {@code unknown} for a word this version does not know. */
    static <E extends Enum<E>> E of(Class<E> type, Function<E, String> word, String raw, E unknown) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> word.apply(e).equalsIgnoreCase(raw)).findFirst()
                .orElse(unknown);
    }
}
