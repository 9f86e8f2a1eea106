/** The guided-action commands (promote, switchover, fence, rejoin…) and how they show plans and ask. */
package io.hadeck.console.commands.action;
