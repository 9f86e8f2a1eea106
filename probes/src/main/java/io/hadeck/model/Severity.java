package io.hadeck.model;

/** Ordered from harmless to urgent; the symbol carries severity where colour cannot. */
public enum Severity {
    OK("✓", "ok"),
    INFO("i", "info"),
    WARN("!", "WARN"),
    CRIT("✗", "CRIT");

    private final String symbol;
    private final String word;

    Severity(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    public String symbol() {
        return symbol;
    }

    /** ASCII-only stand-in for terminals without UTF-8. */
    public String asciiSymbol() {
        return switch (this) {
            case OK -> "+";
            case INFO -> "i";
            case WARN -> "!";
            case CRIT -> "X";
        };
    }

    public String word() {
        return word;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
