package io.hadeck.console.session;

/**
 * Typed confirmation before anything changes a cluster: the operator must type an expected word
 * (usually the target's name), not just press y. Each front end supplies its own: the CLI reads
 * the controlling terminal, the REPL its line reader, the TUI a dialog; batch runs have none.
 */
public interface OperatorPrompt {

    /**
     * Shows {@code question}, asks the operator to type {@code expected}, and returns true only when
     * exactly that was typed. Never called when there is no operator ({@link #interactive()} false).
     */
    boolean confirm(String question, String expected);

    /** Whether a person at a terminal can answer: false for batch files, pipes and cron. */
    boolean interactive();

    /** Asks a free question (a choice among a few words); empty when cancelled or nobody is there. */
    default java.util.Optional<String> answer(String question) {
        return java.util.Optional.empty();
    }

    /** For runs without an operator: every confirmation is refused. */
    OperatorPrompt NOBODY = new OperatorPrompt() {
        public boolean confirm(String question, String expected) {
            return false;
        }

        public boolean interactive() {
            return false;
        }
    };

    /** The controlling terminal (System.console()), or {@link #NOBODY} when there is none. */
    static OperatorPrompt console() {
        java.io.Console c = System.console();
        if (c == null || !Terminals.attached()) {
            return NOBODY;
        }
        return new OperatorPrompt() {
            public boolean confirm(String question, String expected) {
                c.printf("%s%nType %s to go ahead (anything else cancels): ", question, expected);
                String answer = c.readLine();
                return answer != null && answer.strip().equals(expected);
            }

            public boolean interactive() {
                return true;
            }

            public java.util.Optional<String> answer(String question) {
                c.printf("%s%n> ", question);
                return java.util.Optional.ofNullable(c.readLine()).map(String::strip);
            }
        };
    }
}
