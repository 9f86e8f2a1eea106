/** The base every command extends and the factory that hands each command its session and runner. */
package io.hadeck.console.commands.base;
