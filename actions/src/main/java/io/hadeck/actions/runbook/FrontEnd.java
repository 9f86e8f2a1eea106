package io.hadeck.actions.runbook;

/** Where an action was asked for: the confirmation rules differ by front end. */
public enum FrontEnd {
    /** The full-screen console: keys and its `:` line; always a dialog. */
    CONSOLE,
    /** The interactive prompt (hadeck repl). */
    REPL,
    /** A batch file (hadeck run FILE, hadeck -c): nobody is asked, only flags count. */
    BATCH,
    /** One command from the shell (hadeck promote node-2). */
    ONE_SHOT
}
