package io.hadeck.probe.chef;

import io.hadeck.model.ChefNodeChecks;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.Recorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** chef-backend-ctl status as the lab's emulator prints it (the documented table of seeds 000/001) and the seed's own sample. */
class ChefNodeTextTest {

    @Test
    void theServiceTableGivesEachServiceAndLeaderlsCounts() {
        List<ChefNodeChecks.Service> s = ChefNodeText.services(Recorded.text("chef-backend-status.lab-emulator.txt"));
        assertThat(s).extracting(ChefNodeChecks.Service::name).containsExactly("elasticsearch", "etcd", "leaderl", "postgresql");
        assertThat(s).allMatch(ChefNodeChecks.Service::running);
        assertThat(s.get(2).pid()).isEqualTo(8711);
        assertThat(s.get(2).timeInState()).isEqualTo("51m 46s");
        assertThat(ChefNodeText.leaderl(s)).isEqualTo(new ChefNodeChecks.Leaderl(1, 0, 2, 3));
        assertThat(ChefNodeText.leaderl(s).settled()).isTrue();
    }

    @Test
    void theSeedsSampleWithAServiceDown() {
        List<ChefNodeChecks.Service> s = ChefNodeText.services("""
                Service        Local Status        Time in State  Distributed Node Status
                elasticsearch  running (pid 6661)  1d 5h 59m 41s  state: green; nodes online: 3/3
                etcd           running (pid 6742)  1d 5h 59m 39s  health: green; healthy nodes: 3/3
                leaderl        running (pid 6788)  1d 5h 59m 35s  leader: 0; waiting: 3; follower: 0; total: 3
                postgresql     down                -              leader: 0; offline: 1; syncing: 0; synced: 2
                """);
        assertThat(s.get(3).running()).isFalse();
        assertThat(s.get(3).pid()).isNull();
        assertThat(ChefNodeText.leaderl(s).settled()).isFalse();
        assertThat(s.get(0).secondsInState()).contains(86400L + 5 * 3600 + 59 * 60 + 41);
        assertThat(s.get(3).secondsInState()).isEmpty();
    }

    @Test
    void theInstalledVersionIsTheManifestsBuildVersion() {
        assertThat(ChefNodeText.version("""
                {"manifest_format": 2, "build_version": "2.3.16", "software": {"postgresql96": {"locked_version": "9.6.24"}}}
                """)).isEqualTo("2.3.16");
        assertThatThrownBy(() -> ChefNodeText.version("cat: /opt/chef-backend/version-manifest.json: No such file or directory"))
                .isInstanceOf(ProbeException.class).hasMessage("not a version manifest: cat: /opt/chef-backend/version-manifest.json:"
                        + " No such file o…");
        assertThatThrownBy(() -> ChefNodeText.version("{\"manifest_format\": 2}"))
                .hasMessage("the version manifest has no build_version");
    }

    @Test
    void somethingElseIsAClearError() {
        assertThatThrownBy(() -> ChefNodeText.services("command not found")).isInstanceOf(ProbeException.class)
                .hasMessage("unexpected output of chef-backend-ctl status: no 'Service  Local Status' header");
        assertThatThrownBy(() -> ChefNodeText.epoch("Tue Dec 1")).isInstanceOf(ProbeException.class);
    }

    @Test
    void theVipPortsAndClock() {
        String ip = "1: lo    inet 127.0.13.3/8 scope host lo\n2: eth0    inet 127.0.13.10/32 scope global eth0\n";
        assertThat(ChefNodeText.holds(ip, "127.0.13.10")).isTrue();
        assertThat(ChefNodeText.holds(ip, "127.0.13.1")).isFalse();
        List<ChefNodeChecks.Port> asked = List.of(new ChefNodeChecks.Port("node-3", "127.0.13.4", 7331, "leaderl", false),
                new ChefNodeChecks.Port("node-3", "127.0.13.4", 5432, "postgresql", false));
        assertThat(ChefNodeText.ports("127.0.13.4 5432 open\n127.0.13.4 7331 closed\n", asked))
                .extracting(ChefNodeChecks.Port::open).containsExactly(false, true);
        assertThat(ChefNodeText.epoch("1796114979.944875240\n")).isEqualTo(Instant.ofEpochSecond(1796114979L, 944875240L));
    }
}
