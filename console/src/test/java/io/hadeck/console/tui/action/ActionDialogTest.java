package io.hadeck.console.tui.action;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.hadeck.actions.ha.Call;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.console.theme.ThemeLoader;
import io.hadeck.console.tui.Glyphs;
import io.hadeck.console.tui.LagHistory;
import io.hadeck.console.tui.RenderContext;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The guided-action dialog as an operator reads it, drawn into Lanterna's virtual terminal. */
class ActionDialogTest {

    static String render(ActionDialog d, int cols, int rows) throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        try (TerminalScreen screen = new TerminalScreen(vt)) {
            screen.startScreen();
            d.draw(screen.newTextGraphics(), new RenderContext(ThemeLoader.load("dark"), Glyphs.UNICODE, Clusters.NOW,
                    ZoneOffset.UTC, Clusters.thresholds(), false, false, null, new LagHistory(30)));
            screen.refresh(Screen.RefreshType.COMPLETE);
            StringBuilder b = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    TextCharacter ch = vt.getCharacter(c, r);
                    b.append(ch == null ? " " : ch.getCharacterString());
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    static Step step(String title, String call, String expected) {
        return new Step(title, new Call(call, () -> "ok"), expected, () -> Verdict.ok(expected), Duration.ofSeconds(90));
    }

    @Test
    void promoteWithAFailingPreflightShowsTheCurrentValueAndWhy() throws IOException {
        Plan plan = new Plan("lab", "promote", "node-2", List.of(
                Check.pass("primary", "node-1", "node-1 is the one primary"),
                Check.pass("candidate streaming", "streaming from node-1", "node-2 streams from the primary node-1"),
                Check.fail("candidate lag", "48 MiB behind", "node-2 lags 48 MiB behind (limit 16 MiB, thresholds.lagWarn)"),
                Check.pass("etcd quorum", "3/3 members healthy", "etcd has quorum")),
                List.of(step("switchover node-1 → node-2",
                        "POST http://127.0.0.2:8008/switchover {\"leader\":\"node-1\",\"candidate\":\"node-2\"}",
                        "node-2 is primary; node-1 streams from it")),
                "node-2 is primary; node-1 streams from it", "node-2", null);
        ActionDialog d = new ActionDialog("promote node-2 · lab");
        d.planned(plan);
        d.finished(new RunReport(RunReport.Outcome.REFUSED, plan, List.of(),
                "refused: node-2 lags 48 MiB behind (limit 16 MiB, thresholds.lagWarn)"));
        String t = render(d, 120, 30);
        assertThat(t).contains("promote node-2 · lab", "✓ primary: node-1 — node-1 is the one primary",
                "✗ candidate lag: 48 MiB behind — node-2 lags 48 MiB behind (limit 16 MiB, thresholds.lagWarn)",
                "call:   POST http://127.0.0.2:8008/switchover {\"leader\":\"node-1\",\"candidate\":\"node-2\"}",
                "refused: node-2 lags 48 MiB behind", "exit 4 · any key closes");
        assertThat(t).doesNotContain("Type node-2");
        assertThat(d.onKey(new KeyStroke('x', false, false))).as("any key closes after the account").isFalse();
    }

    @Test
    void drbdSplitBrainPlanAsksForTheVictimThenLoseDataAndEscCancels() throws Exception {
        Plan plan = new Plan("lab", "drbd recover", "drbd-a", List.of(
                Check.pass("scenario", "split-brain", "both nodes were Primary while disconnected")),
                List.of(step("demote the victim drbd-a", "ssh hadecklab@127.0.0.5 drbdadm secondary pc0", "drbd-a is Secondary"),
                        step("disconnect drbd-a", "ssh hadecklab@127.0.0.5 drbdadm disconnect pc0", "drbd-a is StandAlone"),
                        step("reconnect drbd-a discarding its data",
                                "ssh hadecklab@127.0.0.5 drbdadm connect --discard-my-data pc0", "drbd-a syncs from drbd-b"),
                        step("reconnect drbd-b", "ssh hadecklab@127.0.0.6 drbdadm connect pc0", "Connected, UpToDate/UpToDate")),
                "Connected, UpToDate/UpToDate; drbd-b's data kept", "drbd-a",
                "drbd-a's changes since the split (640 KiB out of sync, role Primary) are discarded; drbd-b's data is kept.");
        ActionDialog d = new ActionDialog("drbd-recovery drbd-a · lab");
        d.planned(plan);
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                () -> d.confirm("Type the target's name (drbd-a) to drbd recover:", "drbd-a"));
        awaitShown(d, "> _");
        for (char c : "drbd-a".toCharArray()) {
            d.onKey(new KeyStroke(c, false, false));
        }
        String typed = render(d, 120, 30);
        assertThat(typed).contains("split-brain", "1. demote the victim drbd-a",
                "call:   ssh hadecklab@127.0.0.5 drbdadm connect --discard-my-data pc0", "4. reconnect drbd-b",
                "DATA LOSS: drbd-a's changes since the split (640 KiB out of sync, role Primary) are discarded",
                "Type the target's name (drbd-a) to drbd recover:", "> drbd-a_", "Esc cancels");
        d.onKey(new KeyStroke(KeyType.Enter));
        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> loss = CompletableFuture.supplyAsync(() -> d.confirm(plan.dataLoss() + " Type "
                + Plan.DATA_LOSS_WORD + " to accept:", Plan.DATA_LOSS_WORD));
        awaitShown(d, "type LOSE DATA and Enter");
        assertThat(d.onKey(new KeyStroke(KeyType.Escape))).isTrue();
        assertThat(loss.get(5, TimeUnit.SECONDS)).as("Esc before execution cancels").isFalse();
    }

    /** The dialog's question is on screen within 10 s, else the test fails saying what it showed. */
    private static void awaitShown(ActionDialog d, String text) throws IOException, InterruptedException {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!render(d, 120, 30).contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the dialog never showed '" + text + "':\n" + render(d, 120, 30));
            }
            Thread.sleep(20);
        }
    }
}
