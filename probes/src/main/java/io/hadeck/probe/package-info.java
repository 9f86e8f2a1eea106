/** What every reader shares: timeouts, the HTTP/JSON client, TLS and the failure vocabulary. */
package io.hadeck.probe;
