package io.hadeck.actions.bench;

import io.hadeck.actions.ha.PatroniManager;
import io.hadeck.actions.remote.ProcessRunner;
import io.hadeck.actions.remote.ShellResult;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;
import io.hadeck.probe.patroni.PatroniReader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times hadeck's switchover (PatroniManager: POST /switchover) against {@code patronictl switchover}
 * for the same move on the lab, each until Patroni reports the candidate as leader and the old
 * leader running as a replica again (read as the screen reads it: probes' PatroniReader, the
 * leader key from etcd). Moves alternate so each tool moves away from a settled cluster.
 *
 * <p>Usage: SwitchoverBench [LAB_NET] [LAB_DIR] [ROUNDS] (defaults: $HADECK_LAB_NET, $HADECK_LAB_DIR, 3).
 * Prints one line per move and a summary; the lead wires it into scripts/bench.
 */
public final class SwitchoverBench {
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private SwitchoverBench() {
    }

    public static void main(String[] args) throws Exception {
        String net = args.length > 0 ? args[0] : System.getenv().getOrDefault("HADECK_LAB_NET", "127.0.0");
        Path dir = Path.of(args.length > 1 ? args[1] : System.getenv().getOrDefault("HADECK_LAB_DIR", ".lab"));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ClusterConfig cfg = LabConfig.of(net, dir);
        PatroniManager patroni = new PatroniManager(cfg, new SshShell(cfg.ssh()));
        List<Long> hadeck = new ArrayList<>();
        List<Long> patronictl = new ArrayList<>();
        PatroniReader reader = new PatroniReader(cfg, Clock.systemUTC());
        for (int i = 0; i < rounds; i++) {
            hadeck.add(move(patroni, reader, dir, false));
            patronictl.add(move(patroni, reader, dir, true));
        }
        System.out.printf(Locale.ROOT, "hadeck     switchover median %d ms (%s)%n", median(hadeck), hadeck);
        System.out.printf(Locale.ROOT, "patronictl switchover median %d ms (%s)%n", median(patronictl), patronictl);
    }

    /** One move from the current leader to the next node; returns ms until settled. */
    static long move(PatroniManager patroni, PatroniReader reader, Path dir, boolean viaPatronictl)
            throws InterruptedException {
        HaState before = awaitSettled(reader, null, null);
        String from = before.leader().holder();
        String to = before.members().stream().map(HaMember::name).filter(n -> !n.equals(from)).sorted().findFirst()
                .orElseThrow();
        long t0 = System.nanoTime();
        if (viaPatronictl) {
            ShellResult r = ProcessRunner.run(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups",
                    "/usr/bin/python3", "/usr/bin/patronictl", "-c", patroni.configPath(from), "switchover",
                    "lab", "--leader", from, "--candidate", to, "--force"), SETTLE);
            if (!r.ok()) {
                throw new IllegalStateException("patronictl switchover failed: " + r.firstLine());
            }
        } else {
            patroni.switchover(from, to).run();
        }
        long returned = (System.nanoTime() - t0) / 1_000_000;
        awaitSettled(reader, to, from);
        long settled = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "%-10s %s → %s: returned after %d ms, settled after %d ms%n",
                viaPatronictl ? "patronictl" : "hadeck", from, to, returned, settled);
        return settled;
    }

    /** Until {@code leader} (any, when null) leads and every other member, {@code follower} included, runs. */
    static HaState awaitSettled(PatroniReader reader, String leader, String follower) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            HaState s = reader.read().get().orElse(null);   // a member may not answer mid-move
            if (s != null) {
                boolean ok = s.leader().holder() != null && (leader == null || leader.equals(s.leader().holder()))
                        && s.members().size() == 3 && s.members().stream().allMatch(m -> m.name().equals(s.leader().holder())
                        || ("replica".equals(m.role()) && ("running".equals(m.state()) || "streaming".equals(m.state()))));
                if (ok) {
                    return s;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the cluster did not settle within " + SETTLE.toSeconds() + " s");
    }

    static long median(List<Long> v) {
        List<Long> s = v.stream().sorted().toList();
        return s.get(s.size() / 2);
    }
}
