package io.hadeck.console.line;

import io.hadeck.console.condition.Vocabulary;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs command lines through the one command tree. The REPL, batch files, `watch` and the console
 * hold this, not the tree itself, so they sit below the commands they run.
 */
public interface CommandRunner {

    /** One line as typed at a prompt or in a batch file: ';' separated, stops at the first failure. */
    int run(String line, PrintWriter out, PrintWriter err);

    /** One command's argv, with the whole command tree. */
    int execute(List<String> argv, PrintWriter out, PrintWriter err);

    /**
     * Parses one command without running it and runs its own checks (conditions, durations).
     *
     * @throws CommandException exit 2 with the message
     */
    void validate(List<String> argv, Vocabulary vocabulary);

    /** Set by the batch runner so errors name FILE:LINE instead of "hadeck"; null for "hadeck". */
    void location(String where);

    /** "hadeck: " or "FILE:LINE: ", the start of every error line. */
    String prefix();

    /** The whole picocli command tree, for help and completion. */
    picocli.CommandLine root();
}
