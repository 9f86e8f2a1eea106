package io.hadeck.console.commands;

import io.hadeck.console.line.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.testkit.Clusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A one-shot `hadeck status` builds only its own command (start-up time), yet everything that
 * lists or runs other commands still sees all of them, in the documented order.
 */
class OneShotTreeTest {

    private static List<Class<?>> needed(String... args) {
        return CommandNames.needed(new picocli.CommandLine(HadeckCommand.class).getCommandSpec(), args);
    }

    @Test
    void aOneShotCommandNeedsOnlyItself() {
        assertThat(needed("status", "--json")).containsExactly(StatusCommand.class);
        assertThat(needed("--config", "lab.yaml", "--cluster=prod", "-y", "etcd", "members")).containsExactly(EtcdCommand.class);
        assertThat(needed("--read-only", "promote", "node-2")).containsExactly(io.hadeck.console.commands.action.PromoteCommand.class);
    }

    @Test
    void versionNeedsNoCommandButHelpAndMistakesNeedThemAll() {
        assertThat(needed("--version")).isEmpty();
        assertThat(needed("--version", "status")).containsExactly(StatusCommand.class);
        assertThat(needed("--help")).isEqualTo(Commands.ALL);
        assertThat(needed()).isEqualTo(Commands.ALL);                      // the console
        assertThat(needed("statsu")).isEqualTo(Commands.ALL);              // picocli suggests 'status'
        assertThat(needed("--no-such-option", "status")).isEqualTo(Commands.ALL);
        assertThat(needed("-c", "status; nodes")).isEqualTo(Commands.ALL);
        assertThat(needed("--", "status")).isEqualTo(Commands.ALL);
    }

    /** `hadeck init` names a pair alone "pair": `--cluster pair pair status` must choose that cluster, not trip on the command. */
    @Test
    void aClusterNamedLikeACommandIsStillAClusterName() {
        TestShell t = TestShell.of(Clusters.lab());
        t.main("--cluster", "pair", "pair", "status");
        assertThat(t.err()).doesNotContain("Expected parameter");
        TestShell named = TestShell.of(Clusters.lab());
        assertThat(named.main("--cluster", "lab", "pair", "status")).as(named.err()).isNotEqualTo(ExitCode.USAGE);
    }

    @Test
    void aMistypedCommandStillGetsItsSuggestion() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("statsu")).isEqualTo(ExitCode.USAGE);
        assertThat(t.err()).contains("unknown command 'statsu'").contains("status");
    }

    @Test
    void helpRunAsOneShotListsEveryCommandInOrder() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("help")).isEqualTo(0);
        List<String> listed = t.out().lines().skip(1).map(l -> l.trim().split("\\s+")[0]).toList();
        assertThat(listed).containsExactlyElementsOf(Commands.ALL.stream().map(c -> CommandNames.of(c).get(0)).toList());
    }

    @Test
    void aCommandWithAnAliasCanBeTheOneShotAndThenJoinTheWholeTree() {
        TestShell t = TestShell.of(Clusters.lab());
        t.main("quit");
        assertThat(t.shell.root().getSubcommands()).containsKeys("exit", "quit", "status");
        assertThat(t.shell.root().getSubcommands().get("quit")).isSameAs(t.shell.root().getSubcommands().get("exit"));
    }

    @Test
    void aBatchRunFromOneShotArgvRunsOtherCommands() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("-c", "echo one; status")).isEqualTo(0);
        assertThat(t.out()).contains("one").contains("node-1");
    }
}
