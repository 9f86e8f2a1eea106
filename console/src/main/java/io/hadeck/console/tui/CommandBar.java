package io.hadeck.console.tui;

import java.util.List;

/**
 * The console's `:` line: runs one command of the shared command layer (the same commands as
 * the shell and the REPL) and offers completions. Implemented by the cli over its picocli commands.
 */
public interface CommandBar {

    /** Runs one line, e.g. "status --json"; never prints to the terminal, the output comes back here. */
    Result run(String line);

    /** Candidates that could complete {@code buffer}, each a whole replacement line. */
    List<String> complete(String buffer);

    record Result(int exitCode, String output) {
    }

    /** For when no command layer is wired (tests, benchmarks). */
    static CommandBar none() {
        return new CommandBar() {
            @Override
            public Result run(String line) {
                return new Result(2, "no command layer in this console");
            }

            @Override
            public List<String> complete(String buffer) {
                return List.of();
            }
        };
    }
}
