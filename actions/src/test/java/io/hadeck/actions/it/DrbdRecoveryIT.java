package io.hadeck.actions.it;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.catalogue.ActionCatalogue;
import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionKit;
import io.hadeck.actions.catalogue.ActionRequest;
import io.hadeck.actions.lock.EtcdActionLock;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.actions.runbook.FrontEnd;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.RunbookRunner;
import io.hadeck.actions.runbook.StepResult;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.probe.etcd.EtcdClients;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DRBD recovery runbook against the lab's simulated pair, through the real ssh path and probes'
 * real DRBD reader, as an operator meets each case: every scenario of the Chef document, a
 * split-brain with either side as victim (checked with the simulator's write log), a node hadeck
 * cannot reach, --yes without --accept-data-loss, the pair changing after confirmation, and the
 * action lock lost mid-run.
 */
class DrbdRecoveryIT {
    static final ClusterConfig CFG = io.hadeck.actions.bench.LabConfig.of(Lab.net(), Lab.dir());
    static final RunOptions YES = new RunOptions(false, false, FrontEnd.BATCH, true, false);
    static final RunOptions YES_LOSE = new RunOptions(false, false, FrontEnd.BATCH, true, true);
    final SshShell ssh = new SshShell(CFG.ssh());
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Lab.run("fault", "drbd-reset");
        Lab.awaitHealthy(Duration.ofSeconds(60));
    }

    RunReport recover(ClusterConfig cfg, String victim, String fenced, RunOptions options, RunListener listener) {
        try (ActionKit kit = new ActionKit(cfg, Clock.systemUTC())) {
            RunbookRunner runner = new RunbookRunner(new AuditLog(dir.resolve("audit.jsonl"), Operator.current(),
                    Clock.systemUTC()), kit.lock(), Clock.systemUTC());
            var rb = ActionCatalogue.runbook(kit, new ActionRequest(ActionKind.DRBD_RECOVER, cfg.name(), null, victim,
                    null, fenced));
            return runner.run(rb, options, Confirmer.NOBODY, listener);
        }
    }

    RunReport recover(String victim, RunOptions options) {
        return recover(CFG, victim, null, options, RunListener.NONE);
    }

    List<String> writes(String node) {
        return ssh.run(CFG.node(node).orElseThrow(), List.of("drbd-sim", "writes"), Duration.ofSeconds(10)).stdout()
                .lines().toList();
    }

    static String last(List<String> writes) {
        return writes.get(writes.size() - 1).split(" ")[0];
    }

    @ParameterizedTest
    @CsvSource({"1,drbd-a", "2,drbd-a", "3,drbd-b"})
    void aScenarioWithNothingToLoseEndsConnectedUpToDateOnYesAlone(int scenario, String kept) {
        Lab.run("fault", "drbd-scenario-" + scenario);
        String keptLast = last(writes(kept));
        RunReport r = recover(null, YES);
        assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(r.summary()).contains("Connected, UpToDate/UpToDate");
        assertThat(writes("drbd-a")).isEqualTo(writes("drbd-b"));
        assertThat(writes(kept)).anyMatch(w -> w.startsWith(keptLast));
    }

    @Test
    void scenario4NeedsTheDataLossAcceptanceAndThenPromotesWithForce() {
        Lab.run("fault", "drbd-scenario-4");
        List<String> before = writes("drbd-b");
        RunReport refused = recover(null, YES);
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.summary()).contains("--yes alone does not accept that; add --accept-data-loss; nothing was done");
        assertThat(writes("drbd-b")).isEqualTo(before);
        assertThat(Lab.tryRun(Duration.ofSeconds(60), "status").stdout()).contains("drbd-b: cs:WFConnection ro:Secondary/Unknown");

        RunReport r = recover(null, YES_LOSE);
        assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(r.plan().steps().get(0).call().description()).contains("drbdadm primary --force pc0");
    }

    /** After a split-brain the operator stopped the services and made both sides Secondary (the sim's scenario 5). */
    @ParameterizedTest
    @ValueSource(strings = {"drbd-a", "drbd-b"})
    void aBothSecondarySplitBrainDiscardsExactlyTheVictimsChanges(String victim) {
        Lab.run("fault", "drbd-scenario-5");
        String keep = victim.equals("drbd-a") ? "drbd-b" : "drbd-a";
        String keptLast = last(writes(keep));
        String victimLast = last(writes(victim));

        RunReport noVictim = recover(null, YES_LOSE);
        assertThat(noVictim.exitCode()).isEqualTo(4);
        assertThat(noVictim.summary()).contains("split-brain: choose the victim").contains("--victim NODE");

        RunReport dry = recover(CFG, victim, null, new RunOptions(true, false, FrontEnd.ONE_SHOT, false, false), RunListener.NONE);
        assertThat(dry.plan().steps()).extracting(s -> s.call().description())
                .anyMatch(d -> d.contains("@" + CFG.node(victim).orElseThrow().host() + " ")
                        && d.endsWith("drbdadm connect --discard-my-data pc0"))
                .noneMatch(d -> d.contains("@" + CFG.node(keep).orElseThrow().host() + " ") && d.contains("discard"));

        RunReport r = recover(victim, YES_LOSE);
        assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(writes("drbd-a")).isEqualTo(writes("drbd-b"));
        assertThat(writes(keep)).anyMatch(w -> w.startsWith(keptLast)).noneMatch(w -> w.startsWith(victimLast));
    }

    @Test
    void aBothPrimarySplitBrainKeepsTheSurvivorsData() {
        Lab.run("fault", "drbd-split-brain");
        String survivorLast = last(writes("drbd-b"));
        RunReport r = recover("drbd-a", YES_LOSE);
        assertThat(r.outcome()).as(r.summary()).isEqualTo(RunReport.Outcome.DONE);
        assertThat(writes("drbd-a")).isEqualTo(writes("drbd-b")).anyMatch(w -> w.startsWith(survivorLast));
    }

    @Test
    void aNodeHadeckCannotReachIsUnknownNotDown() throws Exception {
        try (Hung hung = new Hung()) {
            ClusterConfig cut = withHost("drbd-a", hung.host());
            // the pair is healthy: drbd-b still sees drbd-a Connected and Primary
            RunReport intact = recover(cut, null, null, YES_LOSE, RunListener.NONE);
            assertThat(intact.exitCode()).isEqualTo(4);
            assertThat(intact.summary()).contains("drbd-a cannot be read but drbd-b still sees it (Connected, peer Primary)");

            // drbd-a really gone: drbd-b no longer sees it; hadeck still cannot tell "down" from "cut off"
            Lab.run("fault", "drbd-scenario-3");
            RunReport refused = recover(cut, null, null, YES_LOSE, RunListener.NONE);
            assertThat(refused.exitCode()).isEqualTo(4);
            assertThat(Lab.tryRun(Duration.ofSeconds(60), "status").stdout()).contains("drbd-b: cs:WFConnection ro:Secondary/Unknown");
            if (Lab.runs("pair")) {
                // drbd-a's keepalived still sends its adverts to drbd-b: the peer is alive by drbd-b's own
                // evidence, and even the operator's word that it is fenced does not make it a takeover
                assertThat(refused.summary()).contains("drbd-b still sees it; only hadeck cannot reach it");
                RunReport contradicted = recover(cut, null, "drbd-a", YES_LOSE, RunListener.NONE);
                assertThat(contradicted.exitCode()).isEqualTo(4);
                assertThat(contradicted.summary()).contains("the statement that drbd-a is fenced contradicts what drbd-b sees");
                return;
            }
            assertThat(refused.summary()).contains("drbd recover --peer-fenced drbd-a");

            RunReport stated = recover(cut, null, "drbd-a", YES_LOSE, RunListener.NONE);
            assertThat(stated.outcome()).as(stated.summary()).isEqualTo(RunReport.Outcome.DONE);
            assertThat(stated.plan().preflight()).anyMatch(c -> c.current().equals("operator states drbd-a is down or fenced"));
            assertThat(stated.plan().dataLoss()).contains("drbd-a could not be read");
        }
    }

    @Test
    void aPairThatChangesAfterThePlanIsNotActedOn() {
        Lab.run("fault", "drbd-scenario-3");
        RunReport r = recover(CFG, null, null, YES, new RunListener() {
            boolean once;

            @Override
            public void planned(Plan plan) {
                if (!once) {
                    once = true;   // drbd-a comes back while the operator reads the plan
                    Lab.run("fault", "drbd-reset");
                }
            }
        });
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.summary()).startsWith("stopped before any step: the cluster changed since the plan was confirmed: ")
                .contains("Nothing was done");
        assertThat(r.steps()).isEmpty();
        assertThat(Lab.tryRun(Duration.ofSeconds(60), "status").stdout()).contains("drbd-a: cs:Connected ro:Primary/Secondary");
    }

    @Test
    void aLockLostDuringTheRunStopsBeforeTheNextStep() {
        Lab.run("fault", "drbd-split-brain");
        List<String> started = new ArrayList<>();
        RunReport r = recover(CFG, "drbd-a", null, YES_LOSE, new RunListener() {
            @Override
            public void stepFinished(StepResult result) {
                started.add(result.title());
                if (started.size() == 1) {
                    deleteLockKey();   // someone removed the lock, or its lease expired
                }
            }
        });
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.summary()).startsWith("the action lock was lost: " + EtcdActionLock.keyFor("lab") + " is gone: "
                + "stopped before step 2");
        assertThat(started).hasSize(1);
    }

    static void deleteLockKey() {
        try (var client = EtcdClients.build(CFG.etcd(), CFG.etcd().endpoints(), Duration.ofSeconds(2))) {
            client.getKVClient().delete(EtcdClients.bytes(EtcdActionLock.keyFor("lab"))).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete the lock key: " + e, e);
        }
    }

    static ClusterConfig withHost(String node, String host) {
        List<NodeConfig> nodes = CFG.nodes().stream().map(n -> !n.name().equals(node) ? n
                : new NodeConfig(n.name(), host, n.etcd(), n.postgres(), n.patroni(), n.elasticsearch(), n.drbdResources(),
                n.drbdVia(), n.sshUser(), n.peer())).toList();
        return new ClusterConfig(CFG.name(), CFG.manager(), CFG.readOnly(), CFG.etcd(), CFG.patroni(), CFG.postgres(),
                CFG.elasticsearch(), CFG.ssh(), CFG.poll(), CFG.timeouts(), CFG.thresholds(), nodes, CFG.audit(),
                CFG.chefBackend());
    }

    /** An ssh port that accepts connections and never says a word: a hung host. */
    static final class Hung implements AutoCloseable {
        final ServerSocket server;
        final List<Socket> held = new ArrayList<>();
        final Thread acceptor;

        Hung() throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(Lab.net() + ".50"), CFG.ssh().port()));
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hung-ssh");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String host() {
            return Lab.net() + ".50";
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
