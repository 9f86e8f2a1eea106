package io.hadeck.actions.it;

import io.hadeck.testkit.UnderDrbd9;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DrbdRecoveryIT}'s scenarios and split-brains with the pair speaking DRBD 9 (issue 17, item 8). */
@ExtendWith(UnderDrbd9.class)
class DrbdRecoveryDrbd9IT extends DrbdRecoveryIT {
}
