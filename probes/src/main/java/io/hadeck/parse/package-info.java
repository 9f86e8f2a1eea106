/** Parsers of recorded text from DRBD and the keepalived pair. */
package io.hadeck.parse;
