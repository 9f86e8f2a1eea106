package io.hadeck.console.output;

/**
 * What a data command produces: one value, shown as a table for people or as JSON for machines.
 * {@link #json()} returns plain maps, lists and scalars with camelCase keys that never change
 * meaning, and never a {@code Secret}'s value.
 */
public interface Result {

    Object json();

    String text(Symbols style);

    static Result of(Object json, String text) {
        return new Result() {
            public Object json() {
                return json;
            }

            public String text(Symbols style) {
                return text;
            }
        };
    }
}
