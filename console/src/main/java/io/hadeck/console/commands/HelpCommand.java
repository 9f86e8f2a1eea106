package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "help", mixinStandardHelpOptions = true,
        description = "List the commands, show one command's help (help etcd members), or: help conditions.")
public class HelpCommand extends BaseCommand {

    @Parameters(arity = "0..*", paramLabel = "TOPIC")
    List<String> topic = List.of();

    @Override
    public Integer call() {
        CommandLine root = shell.root();
        if (topic.isEmpty()) {
            out().println("Commands (COMMAND --help for details; 'help conditions' for the condition language):");
            for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
                if (!e.getKey().equals(e.getValue().getCommandName())) {
                    continue; // alias
                }
                String[] d = e.getValue().getCommandSpec().usageMessage().description();
                out().printf("  %-10s %s%n", e.getKey(), d.length == 0 ? "" : d[0]);
            }
        } else if (topic.get(0).equals("conditions")) {
            out().print(conditionsText());
        } else {
            CommandLine cl = root;
            for (String t : topic) {
                cl = cl.getSubcommands().get(t);
                if (cl == null) {
                    throw CommandException.usage("no help topic '" + String.join(" ", topic) + "' (try: help)");
                }
            }
            cl.usage(out());
        }
        out().flush();
        return ExitCode.OK;
    }

    /** conditions.md, shipped in the jar: one document for the README, help and the TUI. */
    public static String conditionsText() {
        try (InputStream in = HelpCommand.class.getResourceAsStream("/conditions.md")) {
            if (in == null) {
                return "conditions.md is missing from this build\n";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "cannot read conditions.md: " + e.getMessage() + "\n";
        }
    }
}
