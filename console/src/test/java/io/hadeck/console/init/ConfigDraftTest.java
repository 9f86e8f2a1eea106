package io.hadeck.console.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.config.load.ConfigLoader;
import io.hadeck.config.HadeckConfig;
import io.hadeck.probe.discover.FoundCluster;
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
                        new ConfigDraft.PairNode("be-b", "10.1.0.22")), List.of("pc0")), false, "etcd http://10.0.0.11:2379");
        Path file = dir.resolve("config.yaml");
        ConfigFileWriter.write(file, draft.render());
        assertThat(ConfigLoader.check(file)).isEmpty();
        HadeckConfig cfg = ConfigLoader.load(file);
        assertThat(cfg.clusters()).extracting(c -> c.name()).containsExactly("pg-prod", "pair");
        assertThat(cfg.clusters().get(0).patroni().scope()).isEqualTo("pg-prod");
        assertThat(cfg.clusters().get(1).node("be-a").orElseThrow().peer()).isEqualTo("be-b");
        assertThat(cfg.clusters().get(1).node("be-b").orElseThrow().drbdResources()).containsExactly("pc0");
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
