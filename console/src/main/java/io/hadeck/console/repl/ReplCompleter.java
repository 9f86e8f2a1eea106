package io.hadeck.console.repl;

import io.hadeck.console.line.LineSplitter;
import io.hadeck.console.line.CommandRunner;
import io.hadeck.console.session.Session;
import io.hadeck.console.condition.Fields;
import io.hadeck.console.condition.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;

/**
 * Tab completion from the picocli tree itself (commands, subcommands, options) plus the cluster's
 * node and DRBD resource names and, after assert/wait-for, the condition fields.
 */
public final class ReplCompleter implements Completer {

    private static final List<String> CONDITION_WORDS = List.of("and", "or", "not", "==", "!=", ">=", "<=", ">", "<");

    private final Session session;
    private final CommandRunner shell;

    public ReplCompleter(Session session, CommandRunner shell) {
        this.session = session;
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = new ArrayList<>(line.words().subList(0, line.wordIndex()));
        int semicolon = before.lastIndexOf(";");
        if (semicolon >= 0) {
            before = before.subList(semicolon + 1, before.size());
        }
        for (String c : candidates(before)) {
            candidates.add(new Candidate(c, c, null, null, null, null, !c.endsWith("(")));
        }
    }

    /** Candidates for the word after {@code before}; also serves the TUI's ':' line. */
    public List<String> candidates(List<String> before) {
        CommandLine cl = shell.root();
        Set<String> out = new LinkedHashSet<>();
        for (String w : before) {
            CommandLine sub = cl.getSubcommands().get(w);
            if (sub != null) {
                cl = sub;
            }
        }
        out.addAll(cl.getSubcommands().keySet());
        if (cl == shell.root()) {
            return List.copyOf(out);
        }
        cl.getCommandSpec().options().forEach(o -> out.addAll(List.of(o.names())));
        String name = cl.getCommandName();
        if (name.equals("help")) {
            out.addAll(shell.root().getSubcommands().keySet());
            out.add("conditions");
        }
        Vocabulary v = session.settings().vocabulary();
        if (name.equals("assert") || name.equals("wait-for")) {
            out.addAll(Fields.completions());
            out.addAll(CONDITION_WORDS);
        }
        if (v != null && !cl.getCommandSpec().positionalParameters().isEmpty()) {
            out.addAll(v.nodes());
            out.addAll(v.resources());
        }
        return List.copyOf(out);
    }

    /** For a plain buffer (the TUI): the completions of its last word. */
    public List<String> complete(String buffer) {
        List<List<String>> commands = LineSplitter.commands(buffer.endsWith(";") ? buffer + " " : buffer);
        List<String> words = commands.isEmpty() || buffer.endsWith(";") ? new ArrayList<>()
                : new ArrayList<>(commands.get(commands.size() - 1));
        String partial = buffer.isEmpty() || Character.isWhitespace(buffer.charAt(buffer.length() - 1))
                || buffer.endsWith(";") || words.isEmpty() ? "" : words.remove(words.size() - 1);
        String head = buffer.substring(0, buffer.length() - partial.length());
        return candidates(words).stream().filter(c -> c.startsWith(partial)).map(c -> head + c).toList();
    }
}
