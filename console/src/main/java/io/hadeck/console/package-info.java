/** The program's entry point: argv to the command layer and an exit code. */
package io.hadeck.console;
