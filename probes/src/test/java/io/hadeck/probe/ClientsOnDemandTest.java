package io.hadeck.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 300-node fleet builds the clients it asks, not 300; closing the reader closes every one. */
class ClientsOnDemandTest {

    static final class Client implements AutoCloseable {
        final String node;
        boolean closed;

        Client(String node) {
            this.node = node;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aClientIsBuiltOnceOnFirstUseAndClosedWithTheRest() {
        List<Client> built = new ArrayList<>();
        ClientsOnDemand<Client> clients = new ClientsOnDemand<>(node -> {
            Client c = new Client(node);
            built.add(c);
            return c;
        });
        assertThat(built).isEmpty();
        assertThat(clients.get("node-1")).isSameAs(clients.get("node-1"));
        clients.get("node-2");
        assertThat(built).extracting(c -> c.node).containsExactly("node-1", "node-2");

        clients.close();
        assertThat(built).allMatch(c -> c.closed);
        assertThatThrownBy(() -> clients.get("node-3")).isInstanceOf(ProbeException.class).hasMessage("closed");
        assertThat(built).hasSize(2);
    }

    @Test
    void aClientBuiltWhileTheReaderClosesIsClosedAtOnce() {
        List<Client> built = new ArrayList<>();
        ClientsOnDemand<Client>[] holder = new ClientsOnDemand[1];
        holder[0] = new ClientsOnDemand<>(node -> {
            holder[0].close();   // the reader is closed while this client is being built
            Client c = new Client(node);
            built.add(c);
            return c;
        });
        assertThatThrownBy(() -> holder[0].get("node-1")).isInstanceOf(ProbeException.class).hasMessage("closed");
        assertThat(built).singleElement().matches(c -> c.closed, "closed");
    }
}
