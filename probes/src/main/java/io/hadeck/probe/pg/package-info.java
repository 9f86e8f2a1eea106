/** The PostgreSQL reader: queries, rows and the server log while a standby does not stream. */
package io.hadeck.probe.pg;
