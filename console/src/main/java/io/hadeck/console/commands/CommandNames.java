package io.hadeck.console.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which command a process's argv names, read from the annotations alone, so a one-shot run can
 * build the picocli model of that one command instead of all of them.
 */
final class CommandNames {

    private CommandNames() {
    }

    /** The command's name, then its aliases. */
    static List<String> of(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>();
        names.add(c.name());
        names.addAll(List.of(c.aliases()));
        return names;
    }

    /**
     * The commands a process's argv needs in the tree: the one it runs, after the global options
     * of {@code root}; none for a bare --version; all of them when argv names no known command,
     * asks for the global help (it lists every command), or is not plain enough to tell (an
     * unknown option, "--"), so that picocli itself says what is wrong.
     */
    static List<Class<?>> needed(CommandSpec root, String[] args) {
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return Commands.ALL;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return named(arg).<List<Class<?>>>map(List::of).orElse(Commands.ALL);
            }
            int eq = arg.indexOf('=');
            OptionSpec option = root.findOption(eq < 0 ? arg : arg.substring(0, eq));
            if (option == null || option.usageHelp()) {
                return Commands.ALL;
            }
            version |= option.versionHelp();
            if (eq < 0 && option.arity().min() > 0) {
                i++;   // its value
            }
        }
        return version ? List.of() : Commands.ALL;
    }

    private static Optional<Class<?>> named(String name) {
        return Commands.ALL.stream().filter(c -> of(c).contains(name)).findFirst();
    }
}
