package io.hadeck.console.commands.base;

import io.hadeck.console.output.Result;
import picocli.CommandLine.Option;

/** A command that shows data: gets --json for free. */
public abstract class DataCommand extends BaseCommand {

    @Option(names = "--json", description = "Print JSON (stable camelCase field names) instead of a table.")
    protected boolean json;

    protected void print(Result r) {
        print(r, json);
    }

    /** {@code --watch}: {@code once} every {@code interval} on the session's live watcher until Ctrl-C; else once. */
    protected int onceOrWatch(boolean watch, java.time.Duration interval, java.util.function.IntSupplier once) {
        if (!watch) {
            return once.getAsInt();
        }
        session.connection().source();
        return Repeat.every(interval, out(), Repeat.onTerminal(json), once);
    }
}
