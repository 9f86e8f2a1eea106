package io.hadeck.config;

import io.hadeck.config.load.ConfigLoader;
import io.hadeck.units.Durations;
import io.hadeck.units.Sizes;
import io.hadeck.config.load.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    static final Path DIR = Path.of("src/test/resources/config");

    static List<String> problems(String file) {
        return ConfigLoader.check(DIR.resolve(file)).stream().map(Problem::toString).toList();
    }

    @Test
    void theLabsExampleConfigLoads() {
        HadeckConfig cfg = ConfigLoader.load(DIR.resolve("good/lab-example.yaml"));
        assertThat(cfg.defaultCluster()).isEqualTo("lab");
        ClusterConfig lab = cfg.pick(null);
        assertThat(lab.manager()).isEqualTo("patroni");
        assertThat(lab.etcd().endpoints()).hasSize(3);
        assertThat(lab.patroni().password()).isEqualTo(Secret.file("/work/main/.lab/secrets/patroni-api.password"));
        assertThat(lab.postgres().sslmode()).isEqualTo("disable");
        assertThat(lab.elasticsearch()).isNotNull();
        assertThat(lab.ssh().port()).isEqualTo(2222);
        assertThat(lab.ssh().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(lab.poll().elasticsearch()).isEqualTo(Duration.ofSeconds(2));
        assertThat(lab.thresholds()).isEqualTo(ClusterConfig.Thresholds.defaults());
        assertThat(lab.nodes()).extracting(NodeConfig::name).containsExactly("node-1", "node-2", "node-3", "drbd-a", "drbd-b");
        NodeConfig n1 = lab.node("node-1").orElseThrow();
        assertThat(n1.postgres()).isEqualTo("127.0.0.2:5432");
        assertThat(n1.sshUser()).isEqualTo("postgres");
        NodeConfig a = lab.node("drbd-a").orElseThrow();
        assertThat(a.drbdResources()).containsExactly("pc0");
        assertThat(a.drbdVia()).isEqualTo("ssh");
        assertThat(a.peer()).isEqualTo("drbd-b");
        assertThat(ConfigLoader.check(DIR.resolve("good/lab-example.yaml"))).isEmpty();
    }

    @Test
    void aMinimalConfigGetsDefaults() {
        ClusterConfig c = ConfigLoader.load(DIR.resolve("good/minimal.yaml")).pick(null);
        assertThat(c.manager()).isEqualTo("none");
        assertThat(c.poll()).isEqualTo(new ClusterConfig.Poll(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        assertThat(c.timeouts()).isEqualTo(new ClusterConfig.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)));
        assertThat(c.thresholds()).isEqualTo(ClusterConfig.Thresholds.defaults());
        assertThat(c.nodes().get(0).host()).as("taken from the postgres endpoint").isEqualTo("10.0.0.2");
    }

    @Test
    void severalClustersInJsonWithADefault() {
        HadeckConfig cfg = ConfigLoader.load(DIR.resolve("good/two-clusters.json"));
        assertThat(cfg.pick(null).name()).isEqualTo("prod");
        ClusterConfig prod = cfg.pick("prod");
        assertThat(prod.readOnly()).isTrue();
        assertThat(prod.etcd().password()).isEqualTo(Secret.env("ETCD_PASSWORD"));
        assertThat(prod.thresholds().lagWarnBytes()).isEqualTo(1L << 30);
        assertThat(prod.thresholds().lagCritBytes()).isEqualTo(4L << 30);
        assertThat(prod.thresholds().stale()).isEqualTo(Duration.ofMillis(500));
        assertThat(prod.thresholds().lagCritTime()).isEqualTo(Duration.ofHours(1));
        assertThat(cfg.pick("staging").nodes()).hasSize(1);
    }

    @Test
    void actionKeysHaveDefaults() {
        ClusterConfig c = ConfigLoader.load(DIR.resolve("good/minimal.yaml")).pick(null);
        assertThat(c.audit().path()).isEqualTo(ClusterConfig.Audit.defaultPath(System.getenv("XDG_STATE_HOME"),
                System.getProperty("user.home")));
        assertThat(c.audit().path().toString()).endsWith("hadeck/audit.jsonl");
        assertThat(c.chefBackend().ctl()).containsExactly("chef-backend-ctl");
        ClusterConfig lab = ConfigLoader.load(DIR.resolve("good/lab-example.yaml")).pick(null);
        assertThat(lab.patroni().configPathFor("node-2")).isEqualTo("/work/main/.lab/data/patroni/node-2.yml");
        assertThat(new ClusterConfig.Patroni("s", "/service/", null, null, null).configPathFor("n"))
                .isEqualTo("/etc/patroni/patroni.yml");
        assertThat(ClusterConfig.Audit.defaultPath("", "/home/op")).isEqualTo(Path.of("/home/op/.local/state/hadeck/audit.jsonl"));
        assertThat(ClusterConfig.Audit.defaultPath("/s", "/home/op")).isEqualTo(Path.of("/s/hadeck/audit.jsonl"));
    }

    @Test
    void actionKeysAtFileAndClusterLevel() {
        HadeckConfig cfg = ConfigLoader.load(DIR.resolve("good/actions.yaml"));
        ClusterConfig pg = cfg.pick("pg");
        assertThat(pg.audit().path()).isEqualTo(Path.of(System.getProperty("user.home"), "hadeck-audit", "audit.jsonl"));
        assertThat(pg.patroni().configPathFor("pg-1")).isEqualTo("/etc/patroni/pg-1.yml");
        assertThat(pg.postgres().logFor("pg-1")).contains("/var/log/postgresql/pg-1/*.log");
        ClusterConfig chef = cfg.pick("chef");
        assertThat(chef.audit().path()).isEqualTo(Path.of("/var/log/hadeck/chef-audit.jsonl"));
        assertThat(chef.chefBackend().ctl()).containsExactly("sudo", "/opt/chef-backend/bin/chef-backend-ctl");
    }

    @Test
    void badActionKeysNameTheirLines() {
        List<String> p = problems("bad/actions.yaml");
        assertThat(p).anySatisfy(s -> assertThat(s).contains(":1: ").contains("audit.path is 'relative/audit.jsonl'; write an absolute path"))
                .anySatisfy(s -> assertThat(s).contains(":5: ").contains("has '{host}'; the only placeholder is {node}"))
                .anySatisfy(s -> assertThat(s).contains(":6: ").contains("ctl is empty"))
                .anySatisfy(s -> assertThat(s).contains(":12: ").contains("configPath is 'patroni.yml'; write the absolute path"))
                .anySatisfy(s -> assertThat(s).contains(":13: ").contains("unknown key 'paht'"))
                .anySatisfy(s -> assertThat(s).contains(":18: ").contains("postgres.log is 'postgresql.log'; write the absolute"
                        + " path of the node's PostgreSQL log"));
        assertThat(p).hasSize(6);
    }

    @Test
    void aTypoNamesTheLineAndTheKeyMeant() {
        assertThatThrownBy(() -> ConfigLoader.load(DIR.resolve("bad/typo-endpoints.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(DIR.resolve("bad/typo-endpoints.yaml") + ":4: unknown key 'endpionts'")
                .hasMessageContaining("(did you mean 'endpoints'?)");
    }

    @Test
    void anInlinePasswordIsRefusedWithoutEchoingIt() {
        List<String> p = problems("bad/inline-password.yaml");
        assertThat(p).hasSize(1);
        assertThat(p.get(0)).contains(":5: ").contains("password: {file: /path/to/file}").contains("{env: VARIABLE}")
                .doesNotContain("hunter2");
    }

    @Test
    void checkListsEveryProblemWithItsLine() {
        List<String> p = problems("bad/bad-values.yaml");
        assertThat(p).anySatisfy(s -> assertThat(s).contains(":3: ").contains("readOnly must be true or false"))
                .anySatisfy(s -> assertThat(s).contains(":5: ").contains("poll.etcd is '0'; write a positive duration"))
                .anySatisfy(s -> assertThat(s).contains(":6: ").contains("poll.drbd"))
                .anySatisfy(s -> assertThat(s).contains(":8: ").contains("lagWarn is '16 furlongs'; write a size"))
                .anySatisfy(s -> assertThat(s).contains(":11: ").contains("port must be a port number"))
                .anySatisfy(s -> assertThat(s).contains(":15: ").contains("etcd is '127.0.0.2:2379'; expected a URL"))
                .anySatisfy(s -> assertThat(s).contains(":16: ").contains("postgres is 'http://127.0.0.2:5432'; expected host:port"))
                .anySatisfy(s -> assertThat(s).contains(":17: ").contains("node name 'node-1' is used twice"))
                .anySatisfy(s -> assertThat(s).contains(":21: ").contains("via is 'telnet'"))
                .anySatisfy(s -> assertThat(s).contains("peer 'drbd-z' is not another node"));
        assertThat(p).hasSize(10);
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        List<String> p = problems("bad/syntax.yaml");
        assertThat(p).hasSize(1);
        assertThat(p.get(0)).contains("syntax.yaml:5: not valid YAML");
    }

    @Test
    void aDefaultThatNamesNoClusterIsAnError() {
        assertThat(problems("bad/default-unknown.yaml")).singleElement().asString()
                .contains(":1: default: 'prod' names no cluster");
    }

    @Test
    void aClusterNeedsNodes() {
        assertThat(problems("bad/no-nodes.yaml")).singleElement().asString().contains(":2: cluster lab needs 'nodes'");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThatThrownBy(() -> ConfigLoader.load(DIR.resolve("nope.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml: cannot read the configuration (NoSuchFileException)");
    }

    @Test
    void unitsParseAsOperatorsWriteThem() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("1m")).contains(Duration.ofMinutes(1));
        // one grammar with the conditions: a bare number is seconds, a fraction is allowed
        assertThat(Durations.parse("2")).contains(Duration.ofSeconds(2));
        assertThat(Durations.parse("1.5m")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("2 fortnights")).isEmpty();
        assertThat(Sizes.parse("16MB")).contains(16L << 20);
        assertThat(Sizes.parse("1GiB")).contains(1L << 30);
        assertThat(Sizes.parse("4096")).contains(4096L);
        assertThat(Sizes.parse("1.5GB")).contains(3L << 29);
        assertThat(Sizes.parse("99999999999999TB")).isEmpty();
    }

    @Test
    void locateLooksOnlyInTheDocumentedPlaces(@TempDir Path tmp) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path system = tmp.resolve("etc/hadeck/config.yaml");
        // an untrusted checkout with a lab config, entered by the operator: never read
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("scripts"));
        Files.writeString(repo.resolve("scripts/lab"), "#!/bin/sh\n");
        Files.writeString(Files.createDirectories(repo.resolve(".lab")).resolve("hadeck.yaml"), "clusters: []\n");
        Path explicit = Files.writeString(tmp.resolve("x.yaml"), "clusters: []\n");

        assertThatThrownBy(() -> ConfigLoader.locate(null, Map.of(), home, system)).isInstanceOf(ConfigException.class)
                .hasMessage("no configuration found; give --config FILE or set $HADECK_CONFIG (looked in: "
                        + home.resolve(".config/hadeck/config.yaml") + ", " + system + ")");
        Files.writeString(Files.createDirectories(system.getParent()).resolve("config.yaml"), "x");
        assertThat(ConfigLoader.locate(null, Map.of(), home, system)).isEqualTo(system);
        Path user = Files.createDirectories(home.resolve(".config/hadeck")).resolve("config.yaml");
        Files.writeString(user, "x");
        assertThat(ConfigLoader.locate(null, Map.of(), home, system)).isEqualTo(user);
        Path xdg = Files.createDirectories(tmp.resolve("xdg/hadeck")).resolve("config.yaml");
        Files.writeString(xdg, "x");
        assertThat(ConfigLoader.locate(null, Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString()), home, system))
                .isEqualTo(xdg);
        assertThat(ConfigLoader.locate(null, Map.of("HADECK_CONFIG", explicit.toString()), home, system)).isEqualTo(explicit);
        assertThat(ConfigLoader.locate(explicit.toString(), Map.of(), home, system)).isEqualTo(explicit);
        assertThatThrownBy(() -> ConfigLoader.locate("/no/such.yaml", Map.of(), home, system))
                .hasMessage("--config /no/such.yaml: no such file");
    }
}
