package io.hadeck.config;

import io.hadeck.config.load.ConfigLoader;
import io.hadeck.config.load.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a config file says for a host, login or name, the loader either refuses it at its
 * line or hands on a value no program can take for an option, a second word or an escape.
 */
class ConfigLoaderProperties {

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("-oProxyCommand=touch /tmp/x", "-l", "--", "a b", "root@evil", "h\033]0;x\007", "-",
                        "ssh://x", "node\n-oX", "\u202eevil", "x;reboot", "$(id)", "`id`", "..", ".hidden"),
                Arbitraries.strings().withChars("-_.@:;/ \t$`'\"\\abc019").ofMinLength(1).ofMaxLength(12));
    }

    private static String yamlString(String v) {
        StringBuilder b = new StringBuilder("\"");
        v.chars().forEach(c -> b.append(String.format("\\u%04x", c)));
        return b.append('"').toString();
    }

    @Property(tries = 300)
    void aHostileValueIsRefusedAtItsLineOrHarmless(@ForAll("hostile") String v) throws IOException {
        Path dir = Files.createTempDirectory("hadeck-prop");
        try {
            Path f = dir.resolve("c.yaml");
            Files.writeString(f, "clusters:\n  - name: c\n    ssh: {user: " + yamlString(v) + "}\n    nodes:\n"
                    + "      - {name: " + yamlString(v) + ", host: " + yamlString(v) + ", drbd: {resources: ["
                    + yamlString(v) + "]}}\n");
            List<Problem> problems = ConfigLoader.check(f);
            assertThat(problems).allMatch(p -> p.file().equals(f.toString()) && p.line() >= 1 && p.line() <= 5);
            assertThat(problems).extracting(Problem::message).noneMatch(m -> m.chars().anyMatch(c -> c < 0x20 || c == 0x7f));
            if (problems.isEmpty()) {
                ClusterConfig c = ConfigLoader.load(f).pick(null);
                for (String s : List.of(c.ssh().user(), c.nodes().get(0).name(), c.nodes().get(0).host(),
                        c.nodes().get(0).drbdResources().get(0))) {
                    assertThat(s).doesNotStartWith("-").doesNotContainAnyWhitespaces();
                    assertThat(s).matches("[A-Za-z0-9_.:\\[\\]-]+");
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
