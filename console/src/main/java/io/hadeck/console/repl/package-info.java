/** The interactive REPL on JLine: line reading, completion and Ctrl-C per line. */
package io.hadeck.console.repl;
