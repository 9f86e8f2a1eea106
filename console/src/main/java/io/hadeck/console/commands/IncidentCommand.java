package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.journal.IncidentReport;
import io.hadeck.console.journal.JournalAccess;
import io.hadeck.console.output.Json;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.journal.Incident;
import io.hadeck.journal.JournalEntry;
import io.hadeck.journal.JournalQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "incident", mixinStandardHelpOptions = true, description = "Incident reviews from the journal.",
        subcommands = {IncidentCommand.Export.class})
public class IncidentCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write an incident's timeline as Markdown and JSON: the sequence across layers, the actions "
                    + "taken, findings raised and cleared, time without a writable primary, in split-brain, to recover.",
                    "Example: incident export --since 2h --out /tmp/review"})
    public static class Export extends DataCommand {
        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

        @Option(names = "--since", required = true, paramLabel = "WHEN", converter = TimeConverter.class,
                description = "Start of the incident: how long ago (2h) or a time (2026-12-01T04:00:00Z).")
        TimeConverter.When since;

        @Option(names = "--until", paramLabel = "WHEN", converter = TimeConverter.class, description = "End (default: now).")
        TimeConverter.When until;

        @Option(names = "--cluster", paramLabel = "NAME|all", description = "This cluster, or all (default: the current one).")
        String clusterName;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Directory for the two files (default: here).")
        Path out;

        @Override
        public Integer call() {
            Instant from = since.resolve(session.clock());
            Instant to = until == null ? session.clock().instant() : until.resolve(session.clock());
            if (!to.isAfter(from)) {
                throw CommandException.usage("--until must be later than --since");
            }
            String cluster = JournalAccess.cluster(session, clusterName);
            List<JournalEntry> entries = JournalAccess.read(session, JournalQuery.since(from).until(to).cluster(cluster)
                    .limit(100_000));
            Incident incident = Incident.of(from, to, entries);
            String title = (cluster == null ? "all clusters" : cluster) + " " + STAMP.format(from);
            String base = "incident-" + (cluster == null ? "all" : cluster) + "-" + STAMP.format(from);
            Path md = out.resolve(base + ".md");
            Path js = out.resolve(base + ".json");
            write(md, IncidentReport.markdown(title, incident));
            write(js, Json.write(IncidentReport.json(title, incident)) + "\n");
            print(Result.of(Obj.of().put("markdown", md.toString()).put("json", js.toString())
                            .put("entries", entries.size()).map(),
                    "wrote " + md + " and " + js + " (" + entries.size() + " entries)\n"));
            return ExitCode.OK;
        }

        /** 0600: the report names hosts, nodes and who did what. */
        private static void write(Path file, String text) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw CommandException.failed("cannot write " + file + ": " + e.getMessage());
            }
        }
    }
}
