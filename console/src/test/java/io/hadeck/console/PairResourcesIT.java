package io.hadeck.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.PairOwnershipIT.Reading;
import io.hadeck.model.FindingCode;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.hadeck.console.PairOwnershipIT.PAIR;
import static io.hadeck.console.PairOwnershipIT.STATUS;
import static io.hadeck.console.PairOwnershipIT.await;
import static io.hadeck.console.PairOwnershipIT.owner;
import static io.hadeck.console.PairOwnershipIT.peer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pair with two DRBD resources (pc0 and pc1) on the lab's real keepalived: the notify scripts move
 * every resource, the owner is the node Primary on all of them, and an owner Primary on pc0 but
 * Secondary on pc1 is a mismatch that names pc1. drbdadm dump's split-brain policies of both
 * resources reach the node's reading. The pair goes back to pc0 alone afterwards (then lab heal).
 */
class PairResourcesIT extends PairLab {

    @BeforeEach
    void twoResources() {
        Lab.run("fault", "drbd-resources", "pc0", "pc1");
    }

    @AfterEach
    void backToOne() {
        Lab.run("fault", "drbd-resources", "pc0");
    }

    /** node's DRBD roles per resource in `pair status --json`: ["pc0 Primary", "pc1 Primary"]. */
    static List<String> roles(Reading r, String node) {
        List<String> out = new ArrayList<>();
        r.side(node).path("drbd").forEach(d -> out.add(d.path("resource").asText() + " " + d.path("role").asText()));
        return out;
    }

    static String message(Reading r, FindingCode code) {
        for (JsonNode f : r.json().path("findings")) {
            if (code.name().equals(f.path("code").asText())) {
                return f.path("message").asText() + " → " + f.path("action").asText();
            }
        }
        return "";
    }

    @Test
    void aGracefulHandoverMovesEveryResourceAndTheNewOwnerIsPrimaryOnAll() {
        String from = owner();
        String to = peer(from);
        Reading two = await(Duration.ofSeconds(30), from + " Primary on pc0 and pc1", PAIR,
                x -> roles(x, from).equals(List.of("pc0 Primary", "pc1 Primary")) && from.equals(x.owner()));
        assertThat(roles(two, to)).containsExactly("pc0 Secondary", "pc1 Secondary");

        Lab.run("fault", "keepalived-stop", from);
        Reading moved = await(Duration.ofSeconds(40), to + " owns the pair with both resources", PAIR, x -> x.ownedAndDoneOn(to));
        assertThat(roles(moved, to)).containsExactly("pc0 Primary", "pc1 Primary");
        assertThat(roles(moved, from)).containsExactly("pc0 Secondary", "pc1 Secondary");
        Lab.run("fault", "keepalived-start", from);
        // its BACKUP script demotes every resource it lists: let it end before the resources change again
        await(Duration.ofSeconds(30), from + " BACKUP, its script done", PAIR, x -> "BACKUP".equals(x.side(from).path("vrrp").asText())
                && "done".equals(x.side(from).path("notify").path("result").asText()));
    }

    @Test
    void anOwnerSecondaryOnOneResourceIsAMismatchNamingItAndThePoliciesOfBothAreRead() {
        String owner = owner();
        await(Duration.ofSeconds(30), owner + " Primary on pc0 and pc1", PAIR,
                x -> roles(x, owner).equals(List.of("pc0 Primary", "pc1 Primary")));
        Lab.run("fault", "drbd-role", owner, "pc1", "secondary");
        Reading r = await(Duration.ofSeconds(30), "VIP_DRBD_MISMATCH naming pc1", STATUS,
                x -> x.has(FindingCode.VIP_DRBD_MISMATCH, "crit"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(message(r, FindingCode.VIP_DRBD_MISMATCH))
                .contains("the VIP is on " + owner + " but it is DRBD Primary only on pc0, not on pc1")
                .contains("Make " + owner + " Primary on pc1 too (drbdadm primary pc1 there");

        // the node's reading (show NODE --json) carries drbdadm dump's policies of both resources
        JsonNode config = PairOwnershipIT.hadeck("show", owner, "--json").json().path("node").path("drbd").path("value").path("config");
        assertThat(config.path("error").isNull()).as("the owner's drbdadm dump: %s", config).isTrue();
        assertThat(config.path("resources").toString()).contains("\"name\":\"pc0\"").contains("\"name\":\"pc1\"")
                .contains("\"afterSb0pri\":\"discard-zero-changes\"").contains("\"afterSb2pri\":\"disconnect\"");
        Lab.run("fault", "drbd-role", owner, "pc1", "primary");
    }
}
