package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.journal.FleetView;
import io.hadeck.console.output.Result;
import io.hadeck.fleet.Fleet;
import io.hadeck.fleet.FleetRow;
import io.hadeck.journal.Journal;
import io.hadeck.journal.JournalEntry;
import io.hadeck.journal.JournalException;
import io.hadeck.journal.JournalQuery;
import io.hadeck.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;

@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Every configured cluster on one line, worst first: worst finding, primary or owner, worst lag, "
                + "last change. Exit 1 when any cluster has a finding at warn or worse."})
public class FleetCommand extends DataCommand {

    @Override
    public Integer call() {
        List<FleetRow> rows = Fleet.read(session.settings().config().clusters(), lastChange());
        print(Result.of(rows.stream().map(r -> (Object) FleetView.json(r)).toList(),
                FleetView.table(rows, printer().style(), session.clock().instant())));
        return rows.stream().anyMatch(r -> r.worst().atLeast(Severity.WARN)) ? ExitCode.UNHEALTHY : ExitCode.OK;
    }

    /** The journal's newest entry per cluster; nothing when the journal cannot be opened (the rest still shows). */
    private Function<String, Instant> lastChange() {
        Journal journal;
        try {
            journal = session.connection().journal();
        } catch (JournalException e) {
            err().println("hadeck: " + e.getMessage() + " (last change left out)");
            return name -> null;
        }
        return name -> {
            List<JournalEntry> newest = journal.query(JournalQuery.since(Instant.EPOCH).cluster(name).limit(1));
            return newest.isEmpty() ? null : newest.get(0).at();
        };
    }
}
