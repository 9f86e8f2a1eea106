package io.hadeck.console;

import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;

/**
 * What every scenario on the lab's keepalived pair starts and ends with: a healthy lab that runs
 * the pair (the ITs skip themselves where it does not), and the pair left healthy (lab heal),
 * though not necessarily owned by drbd-a.
 */
abstract class PairLab {

    @BeforeAll
    static void labIsHealthy() {
        Assumptions.assumeTrue(Lab.runs("pair"), "the lab runs no keepalived pair (it was started with HADECK_LAB_PAIR=0)");
        Lab.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterEach
    void leaveThePairHealthy() {
        Lab.run("heal");
    }
}
