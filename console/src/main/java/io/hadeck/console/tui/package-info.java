/** The full-screen console on Lanterna: panes rendered from a snapshot, keys and the frame loop. */
package io.hadeck.console.tui;
