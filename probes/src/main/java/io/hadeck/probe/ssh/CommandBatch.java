package io.hadeck.probe.ssh;

import io.hadeck.probe.ProbeException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several short read-only commands in one ssh login, as an operator pastes them on one line:
 * {@code sh -c 'CMD1; echo MARK $?; CMD2; echo MARK $?'}. One login instead of one per command:
 * on a loaded 2-core host the login (sshd's fork and re-exec, key exchange) costs more than the
 * commands themselves. The marker carries a random word, so no command's output can fake the end
 * of another's; each command's output and exit status come back apart.
 */
public final class CommandBatch {

    /** One command's stdout and exit status. */
    public record Answer(List<String> command, int exitCode, String stdout) {
        public String commandLine() {
            return String.join(" ", command);
        }
    }

    private final List<List<String>> commands;
    private final String marker;

    public CommandBatch(List<List<String>> commands) {
        this(commands, Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
    }

    CommandBatch(List<List<String>> commands, String nonce) {
        this.commands = commands.stream().map(List::copyOf).toList();
        this.marker = "@@hadeck-" + nonce;
    }

    /** What to run on the node: {@code sh -c SCRIPT}. */
    public List<String> argv() {
        StringBuilder script = new StringBuilder();
        for (List<String> c : commands) {
            script.append(ShellQuote.join(c)).append("; echo ").append(marker).append(" $?; ");
        }
        return List.of("sh", "-c", script.toString().strip());
    }

    /**
     * Each command's answer, in order.
     *
     * @param run what the login gave
     * @throws ProbeException when the batch did not run to its end (the login failed, the shell died)
     */
    public List<Answer> split(SshRunner.Result run) {
        Matcher m = Pattern.compile(Pattern.quote(marker) + " (\\d{1,3})\\n?").matcher(run.stdout());
        List<Answer> out = new ArrayList<>();
        int from = 0;
        while (m.find() && out.size() < commands.size()) {
            out.add(new Answer(commands.get(out.size()), Integer.parseInt(m.group(1)), run.stdout().substring(from, m.start())));
            from = m.end();
        }
        if (out.size() < commands.size()) {
            throw new ProbeException(String.join(" ", commands.get(out.size())) + ": " + run.failureText());
        }
        return out;
    }
}
