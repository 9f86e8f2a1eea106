/** The Patroni runbooks (switchover, failover, fence, rejoin, restart, rolling upgrade) and the facts they check. */
package io.hadeck.actions.patroni;
