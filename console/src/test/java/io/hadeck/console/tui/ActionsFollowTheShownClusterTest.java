package io.hadeck.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.HadeckConfig;
import io.hadeck.testkit.Clusters;
import io.hadeck.testkit.PushedSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After `:cluster other` the action keys plan against the cluster on screen, with that cluster's
 * read-only setting: never the one the console started on.
 */
class ActionsFollowTheShownClusterTest {

    static ClusterConfig renamed(ClusterConfig c, String name, boolean readOnly) {
        return new ClusterConfig(name, c.manager(), readOnly, c.etcd(), c.patroni(), c.postgres(), c.elasticsearch(), c.ssh(),
                c.poll(), c.timeouts(), c.thresholds(), c.nodes(), c.audit(), c.chefBackend());
    }

    final List<ActionRequest> launched = new ArrayList<>();
    final ActionLauncher recording = new ActionLauncher() {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public Overlay launch(ActionRequest request) {
            launched.add(request);
            return null;
        }
    };

    ConsoleRuntime runtime(boolean otherReadOnly) {
        ClusterConfig lab = Clusters.healthy().config();
        HadeckConfig cfg = new HadeckConfig("test.yaml", "lab", List.of(lab, renamed(lab, "other", false),
                renamed(lab, "frozen", true)));
        ConsoleContext ctx = new ConsoleContext(cfg, lab, new PushedSource(), null, "dark", false, Path.of("/tmp/x.log"),
                name -> new PushedSource()).withActions(recording);
        ConsoleRuntime rt = new ConsoleRuntime(ctx, Clusters.CLOCK, Map.of(), Glyphs.UNICODE);
        rt.ui.selected = "node-2";
        return rt;
    }

    static void switchTo(ConsoleRuntime rt, String name) throws InterruptedException {
        rt.runCommand("cluster " + name);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end && (rt.ui.message == null || !rt.ui.message.contains("switched to cluster " + name))) {
            rt.runUiTasks();
            Thread.sleep(10);
        }
        rt.ui.selected = "node-2";
    }

    static KeyBinding key(ConsoleRuntime rt, char c) {
        return rt.keys.lookup(new KeyStroke(c, false, false)).orElse(null);
    }

    @Test
    void promoteAfterSwitchingClustersIsPlannedOnTheClusterShown() throws Exception {
        ConsoleRuntime rt = runtime(false);
        rt.action(key(rt, 'P'));
        switchTo(rt, "other");
        rt.action(key(rt, 'P'));
        assertThat(launched).extracting(ActionRequest::cluster).containsExactly("lab", "other");
        assertThat(launched).extracting(ActionRequest::kind).containsOnly(ActionKind.PROMOTE);
        assertThat(launched).extracting(ActionRequest::node).containsOnly("node-2");
    }

    @Test
    void aReadOnlyClusterDropsTheActionKeysWhenItIsShown() throws Exception {
        ConsoleRuntime rt = runtime(false);
        assertThat(key(rt, 'P')).isNotNull();
        switchTo(rt, "frozen");
        assertThat(key(rt, 'P')).isNull();
        assertThat(rt.frame().readOnly()).isTrue();
        switchTo(rt, "lab");
        assertThat(key(rt, 'P')).isNotNull();
    }
}
