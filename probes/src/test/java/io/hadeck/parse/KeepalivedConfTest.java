package io.hadeck.parse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What `hadeck init` learns of a keepalived pair node: the file keepalived reads and the VIP it moves. */
class KeepalivedConfTest {

    static String recorded(String file) throws IOException {
        return Files.readString(Path.of("src/test/resources/pair", file));
    }

    @Test
    void theRunningKeepalivedNamesItsConfigurationOnItsCommandLine() throws IOException {
        String line = KeepalivedConf.commandLine(recorded("ps-keepalived-running.txt")).orElseThrow();
        assertThat(KeepalivedConf.path(line)).isEqualTo("/work/wt-pair/.lab/pair/drbd-a/keepalived.conf");
        assertThat(KeepalivedConf.commandLine(recorded("ps-keepalived-none.txt"))).isEmpty();
    }

    @Test
    void everySpellingOfTheFileOptionAndTheDefault() {
        assertThat(KeepalivedConf.path("/usr/sbin/keepalived --dont-fork --use-file=/etc/k/a.conf")).isEqualTo("/etc/k/a.conf");
        assertThat(KeepalivedConf.path("/usr/sbin/keepalived --use-file /etc/k/b.conf -D")).isEqualTo("/etc/k/b.conf");
        assertThat(KeepalivedConf.path("keepalived -f/etc/k/c.conf")).isEqualTo("/etc/k/c.conf");
        assertThat(KeepalivedConf.path("/usr/sbin/keepalived --dont-fork")).isEqualTo("/etc/keepalived/keepalived.conf");
    }

    @Test
    void theLabsVipIsTheOneAddressOfItsVirtualIpaddressBlock() throws IOException {
        assertThat(KeepalivedConf.virtualAddresses(recorded("keepalived-conf-lab-drbd-a.conf")))
                .as("unicast_peer's address is not a VIP").containsExactly("10.77.0.100");
    }

    @Test
    void addressesWithDeviceAndLabelWordsCommentsAndTheBraceOnTheNextLine() throws IOException {
        assertThat(KeepalivedConf.virtualAddresses(recorded("keepalived-conf-debian-example.conf")))
                .as("virtual_ipaddress_excluded is not the VIP")
                .containsExactly("192.168.200.16", "192.168.200.17", "192.168.200.18");
        assertThat(KeepalivedConf.virtualAddresses("vrrp_instance V { virtual_ipaddress { fd00::5/64 } }"))
                .containsExactly("fd00::5");
        assertThat(KeepalivedConf.virtualAddresses("global_defs {\n}\n")).isEmpty();
    }

    /** keepalived's comment characters end a line only outside quotes; a quote left open is said, not guessed past. */
    @Test
    void commentCharactersInsideQuotesAndAnOpenQuote() {
        assertThat(KeepalivedConf.virtualAddresses("vrrp_instance V {\n notify \"/usr/bin/x !{\"\n virtual_ipaddress {\n 10.0.0.7\n }\n}\n"))
                .containsExactly("10.0.0.7");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeepalivedConf.virtualAddresses("notify \"/usr/bin/x\n"))
                .isInstanceOf(ParseException.class).hasMessage("line 1: unterminated quoted string");
    }
}
