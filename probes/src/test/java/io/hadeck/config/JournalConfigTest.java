package io.hadeck.config;

import io.hadeck.config.load.ConfigLoader;
import io.hadeck.config.load.Problem;
import io.hadeck.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JournalConfigTest {
    static final String CLUSTERS = """
            clusters:
              - name: lab
                nodes:
                  - {name: n1, host: 127.0.0.2, etcd: http://127.0.0.2:2379}
            """;

    @TempDir
    Path dir;

    Path write(String yaml) throws IOException {
        Path f = dir.resolve("hadeck.yaml");
        Files.writeString(f, CLUSTERS + yaml);
        return f;
    }

    @Test
    void journalAndHooksAreReadWithTheirDefaults() throws Exception {
        HadeckConfig cfg = ConfigLoader.load(write("""
                journal:
                  path: /var/tmp/hadeck/journal.db
                  retention: 30d
                hooks:
                  - name: pager
                    command: [/usr/local/bin/page, --team, db]
                    codes: [PG_NO_PRIMARY, PG_TWO_PRIMARIES]
                  - name: chat
                    command: [notify-chat]
                    severity: crit
                    on: [raised]
                    timeout: 3s
                """));
        assertThat(cfg.journal()).isEqualTo(new JournalSettings(Path.of("/var/tmp/hadeck/journal.db"), Duration.ofDays(30)));
        assertThat(cfg.hooks()).containsExactly(
                new HookConfig("pager", List.of("/usr/local/bin/page", "--team", "db"),
                        Set.of("PG_NO_PRIMARY", "PG_TWO_PRIMARIES"), null, EnumSet.allOf(HookConfig.On.class),
                        HookConfig.DEFAULT_TIMEOUT),
                new HookConfig("chat", List.of("notify-chat"), Set.of(), Severity.CRIT, Set.of(HookConfig.On.RAISED),
                        Duration.ofSeconds(3)));
    }

    @Test
    void withoutTheSectionsTheJournalLivesBesideTheAuditLog() throws Exception {
        HadeckConfig cfg = ConfigLoader.load(write(""));
        assertThat(cfg.journal().path().getFileName().toString()).isEqualTo("journal.db");
        assertThat(cfg.journal().path().getParent()).isEqualTo(ClusterConfig.Audit.defaults().path().getParent());
        assertThat(cfg.journal().retention()).isEqualTo(JournalSettings.DEFAULT_RETENTION);
        assertThat(cfg.hooks()).isEmpty();
    }

    @Test
    void badHooksAreNamedByFileAndLine() throws Exception {
        Path f = write("""
                journal:
                  path: journal.db
                  retention: 5m
                hooks:
                  - name: shell
                    command: "page --team db | mail"
                    codes: [PG_NO_PRIMARY]
                  - name: everything
                    command: [page]
                  - name: typo
                    command: [page]
                    codes: [pg_no_primary]
                    on: [raise]
                    timout: 3s
                """);
        List<String> problems = ConfigLoader.check(f).stream().map(Problem::toString).toList();
        String file = f.toString();
        assertThat(problems).containsExactly(
                file + ":6: journal.path is 'journal.db'; write an absolute path (or one starting with ~/)",
                file + ":7: journal.retention is '5m'; write how long to keep entries, at least an hour: 90d, 72h",
                file + ":10: hooks[0].command must be a list: [program, args…]; it runs without a shell, so write each argument as its own item",
                file + ":12: hook everything needs codes: [..] or severity: warn|crit (else it would fire on every finding)",
                file + ":16: hooks[2].codes has 'pg_no_primary'; finding codes look like PG_NO_PRIMARY",
                file + ":17: hooks[2].on has 'raise'; expected raised, cleared",
                file + ":18: unknown key 'timout' in hooks[2] (did you mean 'timeout'?)");
    }
}
