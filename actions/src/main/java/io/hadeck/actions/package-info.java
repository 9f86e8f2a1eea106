/** What every guided action shares: the operator who asks and the error an action ends with. */
package io.hadeck.actions;
