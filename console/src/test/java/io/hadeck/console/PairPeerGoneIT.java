package io.hadeck.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.PairOwnershipIT.Reading;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.hadeck.console.PairOwnershipIT.PAIR;
import static io.hadeck.console.PairOwnershipIT.await;
import static io.hadeck.console.PairOwnershipIT.hadeck;
import static io.hadeck.console.PairOwnershipIT.owner;
import static io.hadeck.console.PairOwnershipIT.peer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chef HA scenarios 3/4 on the lab's real keepalived pair: one side stops answering hadeck, and what
 * the other side itself shows — its DRBD connection, its VRRP state, the VIP — decides whether the
 * peer is gone, on the pair's card and in the recovery's preflight; hadeck's failure to reach a node
 * never does. Each test leaves the pair healthy (lab heal).
 */
class PairPeerGoneIT extends PairLab {

    /** A survivor that listens and nobody connects: DRBD 8.4 says WFConnection, DRBD 9 Connecting. */
    static final String[] WAITS = {"WFConnection", "Connecting"};

    static JsonNode evidence(Reading r) {
        return r.json().path("pairs").path(0).path("peerEvidence");
    }

    static Reading evidenceSays(String verdict, String what) {
        return await(Duration.ofSeconds(60), what, PAIR, r -> verdict.equals(evidence(r).path("verdict").asText()));
    }

    static String problem(Reading r, String code) {
        for (JsonNode p : r.json().path("pairs").path(0).path("problems")) {
            if (code.equals(p.path("code").asText())) {
                return p.path("severity").asText() + " " + p.path("message").asText() + " → " + p.path("action").asText();
            }
        }
        return "";
    }

    @Test
    void anOwnerCutOffFromHadeckButStillHeardByItsPeerIsAliveAndNoTakeoverIsPlannedEvenIfCalledFenced() {
        String owner = owner();
        String survivor = peer(owner);
        // hadeck cannot reach the owner and DRBD lost its link; keepalived's heartbeat still flows
        Lab.run("fault", "pair-node-cut", owner);
        Reading r = evidenceSays("PEER_ALIVE", survivor + " still hears " + owner);
        JsonNode e = evidence(r);
        assertThat(e.path("silent").asText()).isEqualTo(owner);
        assertThat(e.path("vrrp").asText()).isEqualTo("BACKUP");
        assertThat(e.path("drbd").toString()).containsAnyOf(WAITS);
        assertThat(problem(r, "PEER_NOT_ANSWERING")).startsWith("warn " + owner + " does not answer (")
                .contains("ssh: connection timed out")
                .contains("VRRP BACKUP (it still receives " + owner + "'s adverts)").contains("Do not take over from " + owner);

        // DRBD alone would call this scenario 3 and promote the survivor: two Primaries
        Lab.Result plan = Lab.exec(PairOwnershipIT.cli("drbd", "recover", "--peer-fenced", owner, "--dry-run", "--json"),
                Duration.ofSeconds(90));
        assertThat(plan.exitCode()).as(plan.stdout() + plan.stderr()).isEqualTo(4);
        assertThat(plan.stdout()).contains("no: " + survivor + " still sees " + owner)
                .contains("the statement that " + owner + " is fenced contradicts what " + survivor + " sees");
    }

    @Test
    void aPoweredOffOwnerIsGoneByItsPeersOwnLinksAndThePeerOwnsThePair() {
        String owner = owner();
        String survivor = peer(owner);
        Lab.run("fault", "pair-node-off", owner);
        Reading r = await(Duration.ofSeconds(60), survivor + " owns the pair and hears nothing from " + owner, PAIR,
                x -> x.ownedAndDoneOn(survivor) && "PEER_SILENT".equals(evidence(x).path("verdict").asText()));
        JsonNode e = evidence(r);
        assertThat(e.path("vrrp").asText()).isEqualTo("MASTER");
        assertThat(e.path("vip").asBoolean()).isTrue();
        assertThat(e.path("drbd").toString()).containsAnyOf(WAITS);
        assertThat(problem(r, "PEER_NOT_ANSWERING")).startsWith("crit " + owner + " does not answer")
                .contains(survivor + " hears nothing from " + owner + " on either link");

        // the survivor serves: DRBD has nothing to do until the powered-off node returns
        Lab.Result plan = Lab.exec(PairOwnershipIT.cli("drbd", "recover", "--dry-run", "--json"), Duration.ofSeconds(90));
        assertThat(plan.exitCode()).as(plan.stdout() + plan.stderr()).isEqualTo(4);
        assertThat(plan.stdout()).contains(survivor + " hears nothing from " + owner + " on either link")
                .contains("repair the host or hadeck's ssh to it first");
    }

    @Test
    void aSurvivorWithoutItsOwnHeartbeatCannotTellSoTheOperatorStatesTheFenceAndThePromoteRuns() {
        String owner = owner();
        String survivor = peer(owner);
        Lab.run("fault", "keepalived-stop", survivor);   // the backup's keepalived: nothing moves
        Lab.run("fault", "pair-node-off", owner);
        Reading r = evidenceSays("NOT_ENOUGH", survivor + " cannot tell");
        assertThat(problem(r, "PEER_NOT_ANSWERING")).startsWith("crit ")
                .contains("keepalived is not running, so it hears nothing").contains("--peer-fenced " + owner);

        Lab.Result refused = Lab.exec(PairOwnershipIT.cli("drbd", "recover", "--dry-run", "--json"), Duration.ofSeconds(90));
        assertThat(refused.exitCode()).as(refused.stdout() + refused.stderr()).isEqualTo(4);
        assertThat(refused.stdout()).contains("scenario 3").contains("not stated").contains("--peer-fenced " + owner);

        Lab.Result dry = Lab.exec(PairOwnershipIT.cli("drbd", "recover", "--peer-fenced", owner, "--dry-run", "--json"),
                Duration.ofSeconds(90));
        assertThat(dry.exitCode()).as(dry.stdout() + dry.stderr()).isZero();

        Lab.Result run = Lab.exec(PairOwnershipIT.cli("drbd", "recover", "--peer-fenced", owner, "--yes",
                "--accept-data-loss", "--json"), Duration.ofSeconds(120));
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(Lab.tryRun(Duration.ofSeconds(60), "status").stdout()).contains(survivor + ": cs:WFConnection ro:Primary/Unknown");
    }
}
