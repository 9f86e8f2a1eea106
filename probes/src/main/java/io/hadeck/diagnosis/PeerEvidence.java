package io.hadeck.diagnosis;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdConnection;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdRole;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PairNodeState;
import io.hadeck.model.VrrpState;

import java.util.ArrayList;
import java.util.List;

/**
 * What the node that still answers says of the one that does not (Chef HA scenarios 3 and 4): hadeck
 * failing to reach a node says nothing about it, so "the peer is gone" is decided from the survivor's
 * own links to it, each a witness of its own:
 * <ul>
 *   <li>DRBD: Connected (or a known peer role) means the peer is there; WFConnection means the survivor
 *       listens and nobody connects; StandAlone means it stopped listening, so its silence says nothing.</li>
 *   <li>VRRP: only the master sends adverts. A BACKUP whose keepalived runs still hears the peer's
 *       adverts, so keepalived runs there; a MASTER hears no master on the link; FAULT, STOP, a frozen or
 *       stopped keepalived listen to nothing.</li>
 * </ul>
 * The peer is alive when any witness sees it, silent when both links are silent, and otherwise the
 * evidence is not enough. A node cut off on both links looks like a silent one: keepalived itself
 * acts on the same evidence.
 *
 * @param drbd  one phrase per DRBD resource of the survivor ("pc0 WFConnection, peer Unknown")
 * @param vrrp  the survivor's VRRP state, UNKNOWN without a keepalived reading
 * @param holdsVip whether the survivor holds the VIP
 * @param reason one sentence: each witness and the verdict it leads to
 */
public record PeerEvidence(String survivor, String silent, Verdict verdict, List<String> drbd, VrrpState vrrp,
                           boolean holdsVip, String reason) {
    public PeerEvidence {
        drbd = List.copyOf(drbd);
    }

    public enum Verdict {
        /** a witness on the survivor still sees the peer: it is alive, only hadeck cannot reach it */
        PEER_ALIVE,
        /** both links are silent: the peer is gone as far as the pair itself can tell */
        PEER_SILENT,
        /** a witness is missing or mute: the survivor cannot tell */
        NOT_ENOUGH
    }

    private enum Witness { SEES, SILENT, MUTE }

    private record Said(Witness witness, String words) {
    }

    /** The survivor's evidence about {@code silent}, from the snapshot's readings of {@code survivor}. */
    public static PeerEvidence from(ClusterSnapshot s, String survivor, String silent) {
        NodeView v = s.node(survivor).orElse(null);
        return of(survivor, silent, v == null ? null : v.drbd(), v == null ? null : v.pair(),
                v != null && v.pairPeer() != null);
    }

    /**
     * @param keepalived the survivor is configured with keepalived (so a missing reading is a missing witness)
     */
    public static PeerEvidence of(String survivor, String silent, Observation<DrbdStatus> drbd,
                                  Observation<PairNodeState> pair, boolean keepalived) {
        List<String> phrases = new ArrayList<>();
        Said d = drbd(survivor, silent, drbd, phrases);
        Said k = vrrp(survivor, silent, pair, keepalived);
        PairNodeState st = pair != null && pair.isOk() ? pair.value() : null;
        Verdict verdict = d.witness() == Witness.SEES || k.witness() == Witness.SEES ? Verdict.PEER_ALIVE
                : d.witness() == Witness.SILENT && k.witness() == Witness.SILENT ? Verdict.PEER_SILENT : Verdict.NOT_ENOUGH;
        String conclusion = switch (verdict) {
            case PEER_ALIVE -> silent + " is alive: " + survivor + " still sees it; only hadeck cannot reach it";
            case PEER_SILENT -> survivor + " hears nothing from " + silent + " on either link: " + silent
                    + " is gone as far as the pair can tell (a node cut off on both links would look the same)";
            case NOT_ENOUGH -> "that is not enough to say " + silent + " is gone";
        };
        return new PeerEvidence(survivor, silent, verdict, phrases, st == null ? VrrpState.UNKNOWN : st.vrrp(),
                st != null && st.holdsVip(), survivor + " itself shows: " + d.words() + "; " + k.words()
                + (st == null ? "" : "; " + (st.holdsVip() ? "it holds the VIP" : "it does not hold the VIP"))
                + " — " + conclusion);
    }

    private static Said drbd(String survivor, String silent, Observation<DrbdStatus> o, List<String> phrases) {
        if (o == null || !o.isOk()) {
            return new Said(Witness.MUTE, "DRBD unknown (" + (o == null ? "no reading" : o.error()) + ")");
        }
        List<DrbdResource> rs = o.value().resources().stream()
                .filter(r -> !r.unconfigured()).toList();
        if (rs.isEmpty()) {
            return new Said(Witness.MUTE, "DRBD is not running on " + survivor);
        }
        rs.forEach(r -> phrases.add(o.value().label(r) + " " + r.connection()
                + ", peer " + r.peerRole()));
        String all = "DRBD " + String.join("; ", phrases);
        if (rs.stream().anyMatch(r -> r.talksToPeer() || r.peerRole() == DrbdRole.PRIMARY)) {
            return new Said(Witness.SEES, all + " (it still talks to " + silent + ")");
        }
        if (rs.stream().anyMatch(r -> r.connection() == DrbdConnection.STAND_ALONE)) {
            return new Said(Witness.MUTE, all + " (StandAlone: it stopped listening, so its silence says nothing)");
        }
        return new Said(Witness.SILENT, all + " (it waits and " + silent + " does not connect)");
    }

    private static Said vrrp(String survivor, String silent, Observation<PairNodeState> o, boolean keepalived) {
        if (o == null) {
            return new Said(Witness.MUTE, keepalived ? "VRRP unknown (no keepalived reading yet)"
                    : "no keepalived configured, so no heartbeat of its own");
        }
        if (!o.isOk()) {
            return new Said(Witness.MUTE, "VRRP unknown (" + o.error() + ")");
        }
        PairNodeState st = o.value();
        KeepalivedProcess.State ka = st.keepalived().state();
        if (ka != KeepalivedProcess.State.RUNNING) {
            return new Said(Witness.MUTE, "VRRP " + st.vrrp() + " but keepalived is "
                    + (ka == KeepalivedProcess.State.FROZEN ? "frozen" : "not running") + ", so it hears nothing");
        }
        return switch (st.vrrp()) {
            case BACKUP -> new Said(Witness.SEES, "VRRP BACKUP (it still receives " + silent + "'s adverts)");
            case MASTER -> new Said(Witness.SILENT, "VRRP MASTER (it hears no master on the link)");
            case FAULT, STOP, UNKNOWN -> new Said(Witness.MUTE, "VRRP " + st.vrrp() + " (it does not listen)");
        };
    }
}
