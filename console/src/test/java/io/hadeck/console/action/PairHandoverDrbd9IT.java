package io.hadeck.console.action;

import io.hadeck.testkit.UnderDrbd9;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PairHandoverIT}'s handover with the pair speaking DRBD 9 (issue 17, item 8). */
@ExtendWith(UnderDrbd9.class)
class PairHandoverDrbd9IT extends PairHandoverIT {
}
