package io.hadeck.console.commands;

import io.hadeck.config.ConfigException;
import io.hadeck.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration tools.",
        subcommands = ConfigCommand.Check.class)
public class ConfigCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a configuration file; prints FILE:LINE: message per problem.",
                    "Exit 0 valid, 2 problems found."})
    public static class Check extends BaseCommand {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Default: the file hadeck would use.")
        String file;

        @Override
        public Integer call() {
            Path path = file != null ? Path.of(file) : ConfigLoader.locate(session.options().configFile());
            List<String> problems = ConfigProblems.of(path);
            if (problems.isEmpty()) {
                out().println(path + ": ok");
                out().flush();
                return ExitCode.OK;
            }
            problems.forEach(err()::println);
            err().flush();
            return ExitCode.USAGE;
        }
    }

    /** ConfigLoader's problems as "FILE:LINE: message" lines; an unreadable file is one problem too. */
    static final class ConfigProblems {
        private ConfigProblems() {
        }

        static List<String> of(Path path) {
            try {
                return ConfigLoader.check(path).stream().map(Object::toString).toList();
            } catch (ConfigException e) {
                return List.of(e.getMessage());
            }
        }
    }
}
