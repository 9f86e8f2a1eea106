package io.hadeck.console.commands;

import io.hadeck.console.output.Result;
import picocli.CommandLine.Option;

/** A command that shows data: gets --json for free. */
public abstract class DataCommand extends BaseCommand {

    @Option(names = "--json", description = "Print JSON (stable camelCase field names) instead of a table.")
    protected boolean json;

    protected void print(Result r) {
        print(r, json);
    }
}
