package io.hadeck.console.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.config.load.ConfigLoader;
import io.hadeck.config.HadeckConfig;
import io.hadeck.probe.discover.FoundCluster;
import io.hadeck.probe.discover.FoundKeepalived;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `hadeck init` writes is a config the loader accepts, and nothing read from a cluster can reshape it. */
class ConfigDraftTest {

    @TempDir
    Path dir;

    private static final ConfigDraft.Secrets NO_FILES = new ConfigDraft.Secrets(null, null, "hadeck", null,
            "hadeck_monitor", null, "postgres", "verify-full", null, null, null, null);

    private static FoundCluster lab(String scope) {
        return new FoundCluster(scope, "/service/", List.of("http://10.0.0.11:2379"), List.of(
                new FoundCluster.Member("pg-1", "10.0.0.11", "10.0.0.11:5432", "http://10.0.0.11:8008", "http://10.0.0.11:2379"),
                new FoundCluster.Member("pg-2", "10.0.0.12", "10.0.0.12:5432", "http://10.0.0.12:8008", null)), null);
    }

    @Test
    void aScopeAndADrbdPairBecomeTwoClustersTheLoaderAccepts() {
        ConfigDraft draft = new ConfigDraft(List.of(lab("pg-prod")), null, NO_FILES,
                new ConfigDraft.Ssh("ops", 22, "/home/ops/.ssh/id_ed25519", "/home/ops/.ssh/known_hosts"),
                new ConfigDraft.Pair("pair", List.of(new ConfigDraft.PairNode("be-a", "10.1.0.21"),
                        new ConfigDraft.PairNode("be-b", "10.1.0.22")), List.of("pc0"), null), false, "etcd http://10.0.0.11:2379");
        Path file = dir.resolve("config.yaml");
        ConfigFileWriter.write(file, draft.render());
        assertThat(ConfigLoader.check(file)).isEmpty();
        HadeckConfig cfg = ConfigLoader.load(file);
        assertThat(cfg.clusters()).extracting(c -> c.name()).containsExactly("pg-prod", "pair");
        assertThat(cfg.clusters().get(0).patroni().scope()).isEqualTo("pg-prod");
        assertThat(cfg.clusters().get(1).node("be-a").orElseThrow().peer()).isEqualTo("be-b");
        assertThat(cfg.clusters().get(1).node("be-b").orElseThrow().drbdResources()).containsExactly("pc0");
    }

    /** The owner said its VIP and where DRBD is mounted, the backup its VIP only: one keepalived block per node. */
    @Test
    void keepalivedFoundOnBothNodesBecomesEachNodesKeepalivedBlock() {
        PairKeepalived ka = PairKeepalived.choose(List.of(
                new FoundKeepalived("/etc/keepalived/keepalived.conf", List.of("10.1.0.100"), "/var/opt/opscode/drbd/data", null),
                new FoundKeepalived("/etc/keepalived/keepalived.conf", List.of("10.1.0.100"), null, null)),
                null, List.of("postgresql", "rabbitmq"));
        assertThat(ka.why()).isNull();
        HadeckConfig cfg = written(ka);
        var k = cfg.clusters().get(0).node("be-b").orElseThrow().keepalived();
        assertThat(k.vip()).isEqualTo("10.1.0.100");
        assertThat(k.mount()).isEqualTo("/var/opt/opscode/drbd/data");
        assertThat(k.services()).containsExactly("postgresql", "rabbitmq");
    }

    /** What no reading tells (the services) is said, in the file and by init, never guessed. */
    @Test
    void whatCouldNotBeReadIsSaidAndSeveralVipsAreNotGuessedAt() {
        PairKeepalived noServices = PairKeepalived.choose(List.of(
                new FoundKeepalived("/k.conf", List.of("10.1.0.100"), null, null), new FoundKeepalived(null, List.of(), null, null)),
                "/data", null);
        assertThat(noServices.config().mount()).isEqualTo("/data");
        assertThat(noServices.why()).contains("the services the cluster script starts (--pair-services UNIT,...)");
        assertThat(written(noServices).clusters().get(0).node("be-a").orElseThrow().keepalived().services()).isEmpty();

        PairKeepalived two = PairKeepalived.choose(List.of(
                new FoundKeepalived("/k.conf", List.of("10.1.0.100", "10.1.0.101"), null, null)), null, null);
        assertThat(two.config()).isNull();
        assertThat(two.why()).isEqualTo("several VIPs (10.1.0.100, 10.1.0.101): the pair's is for you to say");
        assertThat(written(two).clusters().get(0).node("be-a").orElseThrow().keepalived()).isNull();

        assertThat(PairKeepalived.choose(List.of(new FoundKeepalived(null, List.of(), null, null)), null, null).why())
                .isEqualTo("keepalived runs on neither node");
    }

    private HadeckConfig written(PairKeepalived ka) {
        ConfigDraft draft = new ConfigDraft(List.of(), null, NO_FILES, new ConfigDraft.Ssh("ops", 22, null, null),
                new ConfigDraft.Pair("pair", List.of(new ConfigDraft.PairNode("be-a", "10.1.0.21"),
                        new ConfigDraft.PairNode("be-b", "10.1.0.22")), List.of("pc0"), ka), false, "test");
        Path file = dir.resolve("pair.yaml");
        ConfigFileWriter.write(file, draft.render());
        assertThat(ConfigLoader.check(file)).as(draft.render()).isEmpty();
        return ConfigLoader.load(file);
    }

    @Test
    void aHostileScopeStaysOneQuotedValueAndTheLoaderRefusesItAtItsLine() {
        ConfigDraft draft = new ConfigDraft(List.of(lab("x\"\n    manager: none\n#")), null, NO_FILES, null, null, false, "test");
        String yaml = draft.render();
        assertThat(yaml).contains("name: \"x\\\"\\u000a    manager: none\\u000a#\"").doesNotContain("\n    manager: none\n#");
        Path file = dir.resolve("hostile.yaml");
        ConfigFileWriter.write(file, yaml);
        assertThat(ConfigLoader.check(file)).isNotEmpty();
    }

    @Test
    void aRepeatedScopeGetsANameOfItsOwn() {
        ConfigDraft draft = new ConfigDraft(List.of(lab("main"), lab("main")), null, NO_FILES, null, null, false, "test");
        assertThat(draft.names()).containsExactly("main", "main-2");
    }
}
