/** The picocli command tree shared by the CLI, the REPL, batch files and the console's command line. */
package io.hadeck.console.commands;
