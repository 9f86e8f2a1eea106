/** The condition language of assert and wait-for: lexer, parser and the fields it reads from a snapshot. */
package io.hadeck.console.condition;
