package io.hadeck.probe.drbd;

import io.hadeck.probe.Recorded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DrbdReaderTest {

    @Test
    void drbd84ProcHasResourcesDrbd9OnlyTheVersion() {
        assertThat(DrbdReader.onlyVersion(Recorded.text("drbd-a-proc-drbd.txt"))).isFalse();
        assertThat(DrbdReader.onlyVersion("version: 9.2.8 (api:2/proto:86-122)\nGIT-hash: abc build by x\n"
                + "Transports (api:20): tcp (9.2.8)\n")).isTrue();
    }
}
