package io.hadeck.probe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asking a cluster's nodes one question: the first good answer wins, dead and hung nodes cost little. */
class FirstAnswerTest {

    private final AtomicInteger asked = new AtomicInteger();

    private Callable<String> answers(String what) {
        return () -> {
            asked.incrementAndGet();
            return what;
        };
    }

    private Callable<String> refuses() {
        return () -> {
            asked.incrementAndGet();
            throw new java.net.ConnectException("Connection refused");
        };
    }

    private Callable<String> hangs(CountDownLatch until) {
        return () -> {
            asked.incrementAndGet();
            until.await();
            return "too late";
        };
    }

    @Test
    void aLargeFleetIsAskedAFewNodesAtATimeNotAllAtOnce() throws Exception {
        List<Callable<String>> asks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            asks.add(answers("node-" + i));
        }
        String answer = FirstAnswer.of(asks, Duration.ofSeconds(2), "Elasticsearch");

        assertThat(answer).isIn("node-0", "node-1", "node-2");
        assertThat(asked.get()).isLessThanOrEqualTo(FirstAnswer.FAN_OUT);
    }

    @Test
    void eachRefusalBringsInTheNextNode() throws Exception {
        List<Callable<String>> asks = List.of(refuses(), refuses(), refuses(), answers("node-4"), answers("node-5"));

        // The first three refuse: only the refusals can have brought in the nodes that answer.
        assertThat(FirstAnswer.of(asks, Duration.ofSeconds(2), "Patroni")).isIn("node-4", "node-5");
    }

    @Test
    void hungNodesCostOneHedgeIntervalEachNotTheTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try {
            List<Callable<String>> asks = List.of(hangs(never), hangs(never), hangs(never), answers("node-4"));
            long start = System.nanoTime();

            String answer = FirstAnswer.of(asks, Duration.ofSeconds(5), "etcd");

            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer).isEqualTo("node-4");
            assertThat(tookMs).isLessThan(5000).isGreaterThanOrEqualTo(FirstAnswer.HEDGE.toMillis());
        } finally {
            never.countDown();
        }
    }

    @Test
    void whenNobodyAnswersTheMessageSaysWhatEachNodeSaid() {
        List<Callable<String>> asks = List.of(refuses(), refuses());

        assertThatThrownBy(() -> FirstAnswer.of(asks, List.of("node-1", "node-2"), Duration.ofSeconds(2), "Patroni"))
                .isInstanceOf(ProbeException.class)
                .hasMessageStartingWith("no Patroni node answered: ")
                .hasMessageContaining("node-1: connection refused").hasMessageContaining("node-2: connection refused");
    }

    @Test
    void whenTimeRunsOutTheSilentOnesAreNamedAsTimedOut() {
        CountDownLatch never = new CountDownLatch(1);
        try {
            List<Callable<String>> asks = List.of(refuses(), hangs(never));

            assertThatThrownBy(() -> FirstAnswer.of(asks, List.of("node-1", "node-2"), Duration.ofMillis(300), "etcd"))
                    .hasMessage("no etcd node answered: node-1: connection refused; others timed out after 300 ms");
        } finally {
            never.countDown();
        }
    }

    @Test
    void theNodeThatAnsweredLastTimeIsAskedFirst() {
        assertThat(FirstAnswer.lastWinnerFirst(List.of("a", "b", "c"), "c")).containsExactly("c", "a", "b");
        assertThat(FirstAnswer.lastWinnerFirst(List.of("a", "b", "c"), null)).containsExactly("a", "b", "c");
        assertThat(FirstAnswer.lastWinnerFirst(List.of("a", "b"), "gone")).containsExactly("a", "b");
    }
}
