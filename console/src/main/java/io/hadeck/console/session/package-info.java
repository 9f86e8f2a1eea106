/** What one hadeck invocation holds: its settings, its connection to a cluster, its batch state and how it asks the operator. */
package io.hadeck.console.session;
