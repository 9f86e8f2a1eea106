package io.hadeck.testkit;

import io.hadeck.model.DrbdResource;

import java.util.Locale;

/** Renders a DrbdResource the way DRBD 8.4 prints it in /proc/drbd, for the raw-text detail view. */
final class ProcDrbdText {

    private ProcDrbdText() {
    }

    static String render(DrbdResource r) {
        StringBuilder b = new StringBuilder();
        b.append("version: 8.4.11 (api:1/proto:86-101)\n");
        b.append("srcversion: FC3433D849E3B88C1E7B55C\n");
        b.append(String.format(Locale.ROOT, "%2d: cs:%s ro:%s/%s ds:%s/%s %s r-----%n", r.minor(), r.connection(),
                r.role(), r.peerRole(), r.disk(), r.peerDisk(), r.protocol()));
        var c = r.counters();
        b.append(String.format(Locale.ROOT,
                "    ns:%d nr:%d dw:%d dr:%d al:%d bm:%d lo:%d pe:%d ua:%d ap:%d ep:%d wo:f oos:%d%n",
                c.get("ns"), c.get("nr"), c.get("dw"), c.get("dr"), c.get("al"), c.get("bm"), c.get("lo"),
                c.get("pe"), c.get("ua"), c.get("ap"), c.get("ep"), r.outOfSyncKiB()));
        if (r.sync() != null) {
            int x = (int) (r.sync().percent() / 5);
            String bar = "=".repeat(Math.max(0, x - 1)) + ">" + ".".repeat(Math.max(0, 20 - x));
            long total = r.sync().percent() >= 100 ? r.outOfSyncKiB()
                    : (long) (r.outOfSyncKiB() / (1 - r.sync().percent() / 100.0));
            b.append(String.format(Locale.ROOT, "\t[%s] sync'ed: %.1f%% (%d/%d)K%n", bar, r.sync().percent(),
                    r.outOfSyncKiB(), total));
            long f = r.sync().finishSeconds() == null ? 0 : r.sync().finishSeconds();
            long speed = r.sync().speedKiBs() == null ? 0 : r.sync().speedKiBs();
            b.append(String.format(Locale.ROOT, "\tfinish: %d:%02d:%02d speed: %,d (%,d) K/sec%n", f / 3600,
                    f / 60 % 60, f % 60, speed, speed));
        }
        return b.toString();
    }
}
