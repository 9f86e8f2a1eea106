package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.config.HadeckConfig;
import io.hadeck.console.doctor.Doctor;
import io.hadeck.console.doctor.DoctorCheck;
import io.hadeck.console.output.Symbols;
import io.hadeck.model.Severity;
import io.hadeck.text.TerminalText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hadeck doctor}: is this installation ready? The configuration, its files' permissions,
 * TLS, ssh host keys and every endpoint, one line per problem with what to do. Read-only.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the configuration, file permissions, TLS, ssh host keys and every endpoint (etcd, Patroni REST,",
                "PostgreSQL, Elasticsearch, DRBD over ssh); one line per problem with its fix.",
                "Exit 0 when every check passes, 1 problems found, 2 the configuration is invalid."})
public class DoctorCommand extends BaseCommand {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Default: the file hadeck would use.")
    String file;

    @Override
    public Integer call() {
        Path path = file != null ? Path.of(file) : ConfigLoader.locate(session.settings().options().configFile());
        Symbols style = Symbols.detect();
        String bad = style.symbol(Severity.CRIT);
        List<String> configProblems = ConfigCommand.ConfigProblems.of(path);
        if (!configProblems.isEmpty()) {
            configProblems.forEach(p -> out().println(bad + " " + TerminalText.escape(p)));
            out().println("doctor: the configuration " + path + " has " + configProblems.size()
                    + " problem(s); fix them first (hadeck config check " + path + ")");
            out().flush();
            return ExitCode.USAGE;
        }
        HadeckConfig cfg = ConfigLoader.load(path);
        String only = session.settings().options().clusterName();
        int checks = 1;
        boolean skipped = false;
        // Clusters may share nodes (the lab's Patroni and Chef views of one backend): one stopped etcd
        // member is one problem, said once with every cluster it concerns.
        Map<DoctorCheck, List<String>> clustersOf = new LinkedHashMap<>();
        for (ClusterConfig c : cfg.clusters()) {
            if (only != null && !only.equals(c.name())) {
                continue;
            }
            Doctor.Outcome o = new Doctor(c).run();
            o.problems().forEach(p -> clustersOf.computeIfAbsent(p.withoutCluster(c.name()), k -> new ArrayList<>()).add(c.name()));
            checks += o.checks();
            skipped |= o.endpointsSkipped();
        }
        clustersOf.forEach((p, clusters) -> out().println(
                TerminalText.escape(p.inClusters(clusters).line(bad, style.arrow()))));
        int problems = clustersOf.size();
        if (problems == 0) {
            out().println(style.symbol(Severity.OK) + " doctor: " + path + ": all " + checks + " checks passed");
        } else {
            out().println("doctor: " + problems + " problem(s) in " + checks + " checks"
                    + (skipped ? "; endpoints not tried until the file problems are fixed" : ""));
        }
        out().flush();
        return problems == 0 ? ExitCode.OK : ExitCode.UNHEALTHY;
    }
}
