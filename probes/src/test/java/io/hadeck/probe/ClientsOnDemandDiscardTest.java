package io.hadeck.probe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that went bad is closed and replaced by a new one on the next read. */
class ClientsOnDemandDiscardTest {

    @Test
    void aDiscardedClientIsClosedAndTheNextReadBuildsANewOne() {
        List<String> closed = new ArrayList<>();
        int[] built = {0};
        ClientsOnDemand<AutoCloseable> clients = new ClientsOnDemand<>(k -> {
            int n = ++built[0];
            return () -> closed.add(k + "#" + n);
        });
        AutoCloseable first = clients.get("http://127.0.0.3:2379");
        clients.discard("http://127.0.0.3:2379");
        AutoCloseable second = clients.get("http://127.0.0.3:2379");
        assertThat(second).isNotSameAs(first);
        assertThat(closed).containsExactly("http://127.0.0.3:2379#1");
        clients.discard("http://127.0.0.9:2379");   // never built: nothing to close
        assertThat(built[0]).isEqualTo(2);
    }
}
