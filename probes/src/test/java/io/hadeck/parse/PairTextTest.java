package io.hadeck.parse;

import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NotifyRecord;
import io.hadeck.model.VrrpState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a pair node says besides DRBD, recorded on the lab's real keepalived (see resources/pair/SOURCES.md). */
public class PairTextTest {

    public static String recorded(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/pair", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theMasterHoldsTheVipAsASecondaryAddressOnItsVrrpLink() {
        assertThat(PairText.addresses(recorded("ip-addr-master-with-vip.json")))
                .contains("10.77.0.1", "10.77.0.100", "127.0.0.1");
        assertThat(PairText.addresses(recorded("ip-addr-backup.json"))).contains("10.77.0.2").doesNotContain("10.77.0.100");
    }

    @Test
    void theNodeThatTookOverFromAFrozenMasterHoldsTheVipToo() {
        assertThat(PairText.addresses(recorded("ip-addr-second-master-frozen-peer.json"))).contains("10.77.0.100");
    }

    @Test
    void keepalivedRunsIsFrozenOrIsGoneAsPsSaysIt() {
        KeepalivedProcess running = PairText.keepalived(recorded("ps-keepalived-running.txt"));
        assertThat(running.state()).isEqualTo(KeepalivedProcess.State.RUNNING);
        assertThat(running.pids()).hasSize(2);
        assertThat(running.uptimeSeconds()).isEqualTo(101);
        assertThat(PairText.keepalived(recorded("ps-keepalived-frozen.txt")).state()).isEqualTo(KeepalivedProcess.State.FROZEN);
        assertThat(PairText.keepalived(recorded("ps-keepalived-none.txt")).state()).isEqualTo(KeepalivedProcess.State.NOT_RUNNING);
    }

    @Test
    void systemctlAnswersOneWordPerUnitInTheOrderAsked() {
        List<String> units = List.of("keepalived", "postgresql", "rabbitmq", "solr");
        assertThat(PairText.active(units, recorded("systemctl-is-active-owner.txt"))).containsValues(true).doesNotContainValue(false);
        assertThat(PairText.active(units, recorded("systemctl-is-active-backup.txt")))
                .containsEntry("keepalived", true).containsEntry("postgresql", false).containsEntry("solr", false);
        assertThatThrownBy(() -> PairText.active(units, "active\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("1 answers for 4 units");
    }

    @Test
    void findmntGivesTheMountPointOrNothing() {
        assertThat(PairText.mountTarget(recorded("findmnt-mounted.json"))).isEqualTo("/var/opt/hadeck/drbd/data");
        assertThat(PairText.mountTarget(recorded("findmnt-root-real.json"))).isEqualTo("/");
        assertThat(PairText.mountTarget("")).isNull();
    }

    @Test
    void theNotifyRecordSaysTheStateAndEachStepReached() {
        NotifyRecord master = PairText.notify(recorded("notify-master-done.txt"));
        assertThat(master.state()).isEqualTo(VrrpState.MASTER);
        assertThat(master.priority()).isEqualTo(150);
        assertThat(master.steps()).extracting(NotifyRecord.Step::name).containsExactly("vip", "drbd-primary", "mount", "services");
        assertThat(master.finished()).isTrue();
        assertThat(master.refused()).isFalse();

        NotifyRecord waiting = PairText.notify(recorded("notify-master-in-progress.txt"));
        assertThat(waiting.finished()).isFalse();
        assertThat(waiting.progress()).isEqualTo("MASTER: vip ok (running)");

        NotifyRecord stop = PairText.notify(recorded("notify-stop-done.txt"));
        assertThat(stop.state()).isEqualTo(VrrpState.STOP);
        assertThat(stop.steps()).extracting(NotifyRecord.Step::name)
                .containsExactly("vip", "services-stopped", "unmounted", "drbd-secondary");
    }

    @Test
    void aRefusedTakeoverSaysWhy() {
        NotifyRecord r = PairText.notify(recorded("notify-fault-refused.txt"));
        assertThat(r.state()).isEqualTo(VrrpState.FAULT);
        assertThat(r.refused()).isTrue();
        assertThat(r.reason()).contains("Inconsistent/UpToDate", "written on the peer while this host was down");
    }

    @Test
    void badInputIsAParseErrorNeverAnotherException() {
        assertThatThrownBy(() -> PairText.notify("no equals sign")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PairText.notify("instance=VI_1\n")).isInstanceOf(ParseException.class)
                .hasMessageContaining("no state=");
        assertThatThrownBy(() -> PairText.addresses("{")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PairText.keepalived("garbage\n1 2")).isInstanceOf(ParseException.class);
    }
}
