/** The findings engine: rules that turn a snapshot into findings with advice. */
package io.hadeck.findings;
