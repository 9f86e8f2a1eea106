package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.config.ConfigException;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.config.HadeckConfig;
import io.hadeck.findings.InsecureTransportRules;
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
            Path path = file != null ? Path.of(file) : ConfigLoader.locate(session.settings().options().configFile());
            List<String> problems = ConfigProblems.of(path);
            if (problems.isEmpty()) {
                // valid, but a password would cross the network readable: the same findings the screen shows
                ConfigLoader.load(path).clusters().forEach(c -> InsecureTransportRules.of(c).forEach(f ->
                        out().println(path + ": warning: " + f.code() + " cluster " + c.name() + ": " + f.message()
                                + " (" + f.action() + ")")));
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
                List<String> problems = ConfigLoader.check(path).stream().map(Object::toString).toList();
                return problems.isEmpty() ? auditProblems(path) : problems;
            } catch (ConfigException e) {
                return List.of(e.getMessage());
            }
        }

        /** An action refuses to run without its audit log: say so now, not at 3 a.m. */
        static List<String> auditProblems(Path path) {
            HadeckConfig cfg = ConfigLoader.load(path);
            return cfg.clusters().stream().map(c -> c.audit().path()).distinct()
                    .flatMap(a -> AuditLog.whyUnwritable(a).map(why -> path + ": audit log " + a + " is not writable: "
                            + why).stream()).toList();
        }
    }
}
