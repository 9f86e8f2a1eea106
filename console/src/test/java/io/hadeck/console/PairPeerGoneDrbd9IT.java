package io.hadeck.console;

import io.hadeck.testkit.UnderDrbd9;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PairPeerGoneIT}'s scenarios with the pair speaking DRBD 9 (issue 17, item 8). */
@ExtendWith(UnderDrbd9.class)
class PairPeerGoneDrbd9IT extends PairPeerGoneIT {
}
