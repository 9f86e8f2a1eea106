package io.hadeck.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.output.Json;
import io.hadeck.model.FindingCode;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The lab's real keepalived pair, read by the real launcher: who owns the pair, and the states an
 * operator must see loudly (the VIP on both after a hang, a crashed owner, a refused takeover).
 * Each test leaves the pair healthy (lab heal), though not necessarily owned by drbd-a.
 */
class PairOwnershipIT extends PairLab {

    record Reading(int exit, JsonNode json) {
        boolean has(FindingCode code, String severity) {
            for (JsonNode f : json.path("findings")) {
                if (code.name().equals(f.path("code").asText()) && (severity == null || severity.equals(f.path("severity").asText()))) {
                    return true;
                }
            }
            return false;
        }

        String owner() {
            JsonNode p = json.path("pairs").path(0);
            return p.path("owner").isNull() ? null : p.path("owner").asText(null);
        }

        JsonNode side(String node) {
            for (JsonNode x : json.path("pairs").path(0).path("sides")) {
                if (node.equals(x.path("node").asText())) {
                    return x;
                }
            }
            return fail("no side " + node + " in " + json);
        }

        /** {@code node} owns the pair and its cluster script has run to its end there. */
        boolean ownedAndDoneOn(String node) {
            return node.equals(owner()) && "done".equals(side(node).path("notify").path("result").asText());
        }
    }

    /** The real launcher on the lab's config. */
    static List<String> cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Lab.repo().resolve("scripts/hadeck").toString(),
                "--config", Lab.configPath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Reading hadeck(String... args) {
        Lab.Result r = Lab.exec(cli(args), Duration.ofSeconds(90));
        try {
            return new Reading(r.exitCode(), Json.mapper().readTree(r.stdout()));
        } catch (Exception e) {
            throw new AssertionError("not JSON (exit " + r.exitCode() + "): " + r.stdout() + r.stderr(), e);
        }
    }

    static Reading await(Duration limit, String what, String[] args, Predicate<Reading> ok) {
        long end = System.nanoTime() + limit.toNanos();
        Reading last = null;
        while (System.nanoTime() < end) {
            last = hadeck(args);
            if (ok.test(last)) {
                return last;
            }
        }
        return fail("not seen within " + limit + ": " + what + "; last reading: " + (last == null ? "none" : last.json()));
    }

    static final String[] STATUS = {"status", "--json"};
    static final String[] PAIR = {"pair", "status", "--json"};

    static String owner() {
        return await(Duration.ofSeconds(60), "an owner", PAIR, r -> r.owner() != null).owner();
    }

    static String peer(String node) {
        return node.equals("drbd-a") ? "drbd-b" : "drbd-a";
    }

    @Test
    void aFrozenOwnerLeavesTheVipOnBothNodesCriticalUntilItIsThawed() {
        String owner = owner();
        Lab.run("fault", "keepalived-freeze", owner);
        try {
            Reading r = await(Duration.ofSeconds(30), "VIP_ON_BOTH critical", STATUS, x -> x.has(FindingCode.VIP_ON_BOTH, "crit"));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.has(FindingCode.KEEPALIVED_DOWN, "crit")).as("the frozen owner's keepalived").isTrue();
        } finally {
            Lab.run("fault", "keepalived-thaw", owner);
        }
        Reading after = await(Duration.ofSeconds(40), "one owner again after the thaw", PAIR,
                x -> x.owner() != null && x.json().path("pairs").path(0).path("problems").isEmpty());
        assertThat(after.owner()).isIn("drbd-a", "drbd-b");
        assertThat(hadeck(STATUS).has(FindingCode.VIP_ON_BOTH, null)).isFalse();
    }

    @Test
    void aCrashedOwnerLeavesEverythingToItsPeerAndItsReturnIsARefusedTakeover() {
        // Only the original master (drbd-a, priority 150) tries to take the pair back when it returns:
        // drbd-b (priority 100) comes back BACKUP whatever its disk. So the owner that crashes is drbd-a
        // (drbd-reset hands the pair to it when a test before left it on drbd-b).
        Lab.run("fault", "drbd-reset");
        String owner = await(Duration.ofSeconds(60), "drbd-a owns the pair", PAIR, x -> x.ownedAndDoneOn("drbd-a")).owner();
        String peer = peer(owner);
        Lab.run("fault", "pair-node-crash", owner);
        Reading moved = await(Duration.ofSeconds(40), peer + " owns the pair, its cluster script done", PAIR,
                x -> x.ownedAndDoneOn(peer));
        JsonNode newOwner = moved.side(peer);
        assertThat(newOwner.path("vip").asBoolean()).isTrue();
        assertThat(newOwner.path("mounted").asText()).isEqualTo("/var/opt/hadeck/drbd/data");
        assertThat(newOwner.path("services").toString()).doesNotContain("false");

        // the disk is written while the old owner is down: when it returns it must not take the pair back
        Lab.run("fault", "drbd-write", peer, "16384");
        Lab.run("fault", "pair-node-start", owner);
        Reading refused = await(Duration.ofSeconds(40), "the refused takeover", STATUS, x -> x.has(FindingCode.TAKEOVER_REFUSED, "warn"));
        assertThat(refused.json().toString()).contains("written on the peer while this host was down");
        assertThat(await(Duration.ofSeconds(40), peer + " owns the pair again", PAIR, x -> peer.equals(x.owner())).owner())
                .isEqualTo(peer);
    }
}
