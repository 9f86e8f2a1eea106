/** The journal as commands and panes see it: events, incidents and the fleet view. */
package io.hadeck.console.journal;
