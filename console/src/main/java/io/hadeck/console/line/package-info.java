/** A command line as every front end sees it: splitting it, running it, and how a command ends (exit codes, CommandException). */
package io.hadeck.console.line;
