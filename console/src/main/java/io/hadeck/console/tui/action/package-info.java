/** The console's guided-action dialog, opened by a key or from the command line. */
package io.hadeck.console.tui.action;
