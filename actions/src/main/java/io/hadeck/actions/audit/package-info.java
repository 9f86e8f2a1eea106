/** The audit log: one record per action step, appended and never rewritten. */
package io.hadeck.actions.audit;
