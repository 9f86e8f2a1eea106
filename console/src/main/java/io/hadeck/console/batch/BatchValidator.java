package io.hadeck.console.batch;

import io.hadeck.console.session.BatchState;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.LineSplitter;
import io.hadeck.console.session.Session;
import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.session.Session;
import io.hadeck.console.condition.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every line of a batch file without running any: commands and options exist, conditions
 * parse and name real nodes, $VARIABLES are set by an earlier `set` (or already in the session).
 */
final class BatchValidator {

    private final CommandRunner shell;
    private final Session session;

    BatchValidator(CommandRunner shell, Session session) {
        this.shell = shell;
        this.session = session;
    }

    /** One "FILE:LINE: message" per problem, empty when the file may run. */
    List<String> check(List<BatchLine> lines) {
        Vocabulary vocabulary = session.settings().vocabulary();
        Map<String, String> vars = new HashMap<>(session.batch().variables());
        List<String> problems = new ArrayList<>();
        for (BatchLine line : lines) {
            try {
                for (List<String> raw : LineSplitter.commands(line.text())) {
                    List<String> argv = raw.stream().map(w -> BatchState.expand(w, vars)).toList();
                    shell.validate(argv, vocabulary);
                    if (argv.get(0).equals("set") && argv.size() >= 2) {
                        vars.put(argv.get(1), String.join(" ", argv.subList(2, argv.size())));
                    }
                }
            } catch (CommandException e) {
                problems.add(line.where() + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
