package io.hadeck.console.condition;

import io.hadeck.model.ClusterSnapshot;

/**
 * A parsed, checked condition such as {@code pg.streaming >= 2 and lag(node-3) < 16MB}; see
 * conditions.md for the language. Parsing throws {@link ConditionException} with the column.
 */
public final class Condition {

    private final String text;
    private final Expr expr;

    private Condition(String text, Expr expr) {
        this.text = text;
        this.expr = expr;
    }

    /** Syntax, fields and types only. */
    public static Condition parse(String text) {
        return parse(text, null);
    }

    /** Also checks node and resource names against the cluster's, when a vocabulary is given. */
    public static Condition parse(String text, Vocabulary vocabulary) {
        return new Condition(text, new Parser(text, vocabulary).parse());
    }

    public Result test(ClusterSnapshot snapshot) {
        Expr.Outcome o = expr.test(snapshot);
        return new Result(o.met(), o.why());
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** @param why one sentence: what the snapshot said, e.g. "pg.streaming is 1, wanted >= 2" */
    public record Result(boolean met, String why) {
    }
}
