/** Text safety: redacting secrets and cleaning terminal control characters. */
package io.hadeck.text;
