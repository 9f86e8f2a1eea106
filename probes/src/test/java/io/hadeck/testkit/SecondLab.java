package io.hadeck.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The second lab: etcd and Patroni only, on its own loopback prefix ($HADECK_LAB2_NET, default 127.0.5) and
 * directory ($HADECK_LAB2_DIR, default the main lab's directory with "-2"), its etcd run as a site runs it:
 * https only, client certificates required, etcd users with auth on (HADECK_LAB_ETCD_SECURE, scripts/lab.d/etcd.sh).
 * FleetIT and SecureEtcdIT use it; each starts it when it is not up and stops it again if it did, so CI's
 * `scripts/test` ends with it down (and its cleanup stops it if a test was killed).
 */
public final class SecondLab {

    private SecondLab() {
    }

    public static String net() {
        String v = System.getenv("HADECK_LAB2_NET");
        return v == null || v.isBlank() ? "127.0.5" : v;
    }

    /** Beside the main lab's directory (which CI moves to /tmp when postgres cannot reach the checkout). */
    public static Path dir() {
        String v = System.getenv("HADECK_LAB2_DIR");
        return v == null || v.isBlank() ? Path.of(Lab.dir() + "-2") : Path.of(v);
    }

    /** node-1..3 are .2..4, as in the main lab. */
    public static String host(String node) {
        return net() + Lab.host(node).substring(Lab.net().length());
    }

    public static Path configPath() {
        return dir().resolve("hadeck.yaml");
    }

    public static String secret(String name) {
        return Lab.secret(dir(), name);
    }

    /** {@code scripts/lab ARGS} for the second lab. */
    public static Lab.Result run(Duration timeout, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Lab.repo().resolve("scripts/lab").toString()));
        cmd.addAll(List.of(args));
        return Lab.exec(cmd, Map.of("HADECK_LAB_NET", net(), "HADECK_LAB_DIR", dir().toString(),
                "HADECK_LAB_PARTS", "etcd patroni", "HADECK_LAB_ETCD_SECURE", "1"), timeout);
    }

    /**
     * Up, healthy and with its secure etcd; true when this call started it (the caller stops it again). A second
     * lab found up with a plain etcd (made before it was secure) is started again secure.
     */
    public static boolean up() {
        boolean secure = Files.exists(dir().resolve("tls/secure"));
        boolean started = false;
        if (!secure || run(Duration.ofMinutes(1), "wait-healthy", "5").exitCode() != 0) {
            if (!secure) {
                run(Duration.ofMinutes(3), "down");
            }
            Lab.Result up = run(Duration.ofMinutes(5), "up");
            if (up.exitCode() != 0) {
                throw new IllegalStateException("second lab did not start: " + up.stdout() + up.stderr());
            }
            started = true;
        }
        Lab.Result ok = run(Duration.ofMinutes(4), "wait-healthy", "180");
        if (ok.exitCode() != 0) {
            throw new IllegalStateException("second lab not healthy: " + ok.stdout() + ok.stderr());
        }
        return started;
    }

    public static void down() {
        run(Duration.ofMinutes(3), "down");
    }
}
