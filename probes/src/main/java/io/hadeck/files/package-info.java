/** Files hadeck writes or reads: private modes, bounded reads. */
package io.hadeck.files;
