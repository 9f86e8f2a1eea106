/** The one runbook runner: preflight, plan, typed confirmation, verified steps, audit, dry run. */
package io.hadeck.actions.runbook;
