/** The incident journal: events, incidents and audit records in SQLite. */
package io.hadeck.journal;
