/** Running a command on a node, locally or over ssh, and what it answered. */
package io.hadeck.actions.remote;
