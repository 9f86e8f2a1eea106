package io.hadeck.console.condition;

/** One lexical unit of a condition with its 1-based column. */
record Token(Kind kind, String text, int column) {

    enum Kind { WORD, NUMBER, STRING, OP, LPAREN, RPAREN, COMMA, DOT, END }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }

    String describe() {
        return kind == Kind.END ? "end of condition" : "'" + text + "'";
    }
}
