package io.hadeck.console.session;

import io.hadeck.actions.catalogue.ActionRequest;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.actions.runbook.FrontEnd;
import java.util.function.Consumer;

/**
 * How this invocation asks the operator: who answers confirmations, which front end is asking
 * (the confirmation rules differ) and, in the console, the dialog an action opens.
 */
public final class Asking {

    private Confirmer confirmer;
    private FrontEnd frontEnd = FrontEnd.ONE_SHOT;
    private Consumer<ActionRequest> actionDialogs;

    Asking(Confirmer confirmer) {
        this.confirmer = confirmer;
    }

    public synchronized Confirmer confirmer() {
        return confirmer;
    }

    public synchronized void confirmer(Confirmer c) {
        this.confirmer = c;
    }

    /** Who is asking for actions now: one-shot, REPL, batch file or the console. */
    public synchronized FrontEnd frontEnd() {
        return frontEnd;
    }

    public synchronized void frontEnd(FrontEnd f) {
        frontEnd = f;
    }

    /** The console's dialogs: an action typed on its `:` line opens the same dialog as its key. Null elsewhere. */
    public synchronized Consumer<ActionRequest> actionDialogs() {
        return actionDialogs;
    }

    public synchronized void actionDialogs(Consumer<ActionRequest> d) {
        actionDialogs = d;
    }

    /** Whether an operator can answer questions right now (REPL, TUI, CLI on a terminal). */
    public synchronized boolean interactive() {
        return confirmer.present();
    }
}
