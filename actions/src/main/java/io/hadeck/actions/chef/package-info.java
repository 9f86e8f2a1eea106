/** Acting on a Chef backend cluster through its own control program. */
package io.hadeck.actions.chef;
