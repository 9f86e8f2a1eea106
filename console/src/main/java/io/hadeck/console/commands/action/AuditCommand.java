package io.hadeck.console.commands.action;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.audit.AuditRecord;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The last lines of the guided actions' audit log (audit.path): who did what, each step and its result.")
public class AuditCommand extends DataCommand {
    @Option(names = "--tail", paramLabel = "N", defaultValue = "20", description = "How many lines (default 20).")
    int tail;

    @Override
    public Integer call() {
        if (tail < 1) {
            throw io.hadeck.console.line.CommandException.usage("--tail must be at least 1");
        }
        AuditLog log = new AuditLog(session.settings().cluster().audit().path(), null, session.clock());
        List<AuditRecord> records = log.tail(tail);
        Table t = new Table("TIME", "USER", "HOST", "CLUSTER", "ACTION", "TARGET", "STEP", "RESULT", "DETAIL");
        records.forEach(r -> t.row(r.time(), r.user(), r.host(), r.cluster(), r.action(), r.target(), r.step(), r.result(),
                r.detail()));
        List<Object> json = records.stream().map(r -> (Object) Obj.of().put("time", r.time()).put("user", r.user())
                .put("host", r.host()).put("cluster", r.cluster()).put("action", r.action()).put("target", r.target())
                .put("step", r.step()).put("result", r.result()).put("detail", r.detail()).map()).toList();
        String text = records.isEmpty() ? "no audit lines yet in " + log.file() + "\n" : t.render();
        print(Result.of(json, text));
        return ExitCode.OK;
    }
}
