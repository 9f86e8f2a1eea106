/** The one catalogue of guided actions: each kind, what it needs and how a request names it. */
package io.hadeck.actions.catalogue;
