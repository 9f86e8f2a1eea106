package io.hadeck.console.condition;

/** A condition that cannot be parsed; the message names the column so the operator sees where. */
public class ConditionException extends RuntimeException {
    private final int column;

    public ConditionException(int column, String message) {
        super("at column " + column + ": " + message);
        this.column = column;
    }

    /** 1-based column in the condition text. */
    public int column() {
        return column;
    }
}
