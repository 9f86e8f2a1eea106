/** Colour themes: roles, styles and loading a named or custom theme. */
package io.hadeck.console.theme;
