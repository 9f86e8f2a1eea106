package io.hadeck.labes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.Node;

/**
 * The lab's Elasticsearch cluster {@code lab-es}: three real nodes {@code node-1..3} in this JVM.
 *
 * <p>Usage: {@code LabEs LAB_NET BASE_DIR [fallback]}. Each node binds its own address
 * {@code LAB_NET.2..4} (HTTP 9200, transport 9300); with {@code fallback} all bind
 * {@code LAB_NET.1} with HTTP 9201..9203 / transport 9301..9303.
 *
 * <p>Control channel on {@code LAB_NET.1:9299}, one command per connection line, one answer line:
 * {@code status} → {@code node-1 up node-2 down node-3 up}; {@code stop N} / {@code start N}
 * (N = 1..3) → {@code ok …} or {@code error …}. A stopped node is closed ({@code Node.close()});
 * start builds a fresh node on the same environment (data directory, settings).
 */
public final class LabEs {
    private static final int NODES = 3;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LabEs LAB_NET BASE_DIR [fallback]");
            System.exit(2);
        }
        String net = args[0];
        String base = args[1];
        boolean fallback = args.length > 2 && args[2].equals("fallback");

        List<String> seeds = new ArrayList<>();
        for (int i = 1; i <= NODES; i++) {
            seeds.add(fallback ? net + ".1:" + (9300 + i) : net + "." + (i + 1) + ":9300");
        }
        ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        runner.onBuild((number, settings) -> {
            // number is 1-based in the runner
            String host = fallback ? net + ".1" : net + "." + (number + 1);
            settings.put("node.name", "node-" + number);
            settings.put("network.host", host);
            settings.put("http.port", String.valueOf(fallback ? 9200 + number : 9200));
            settings.put("transport.port", String.valueOf(fallback ? 9300 + number : 9300));
            settings.putList("discovery.seed_hosts", seeds);
            // node-1 bootstraps alone (each node start waits for its first cluster state, so a
            // 3-node bootstrap would stall 30 s per node); node-2/3 join and the voting
            // configuration grows to all three.
            settings.putList("cluster.initial_master_nodes", "node-1");
            settings.put("discovery.initial_state_timeout", "10s");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            settings.put("bootstrap.memory_lock", "false");
        });
        long t0 = System.nanoTime();
        runner.build(ElasticsearchClusterRunner.newConfigs()
                .basePath(base)
                .numOfNode(NODES)
                .baseHttpPort(9200)
                .clusterName("lab-es")
                .useLogger()
                .printOnFailure());
        runner.ensureYellow();
        if (!runner.indexExists("lab")) {
            runner.createIndex("lab", Settings.builder()
                    .put("index.number_of_shards", 3)
                    .put("index.number_of_replicas", 1)
                    .build());
            for (int i = 1; i <= 10; i++) {
                runner.insert("lab", String.valueOf(i), "{\"n\":" + i + ",\"msg\":\"hadeck lab\"}");
            }
            runner.refresh();
        }
        runner.ensureGreen();
        System.err.printf("lab-es: green with %d nodes after %.1f s%n", NODES,
                (System.nanoTime() - t0) / 1e9);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                System.err.println("lab-es: close: " + e);
            }
        }));
        serveControl(runner, net);
    }

    private static void serveControl(ElasticsearchClusterRunner runner, String net) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(net + ".1"), 9299));
            System.err.println("lab-es: control on " + net + ".1:9299");
            while (true) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                    String line = in.readLine();
                    String answer;
                    try {
                        answer = handle(runner, line == null ? "" : line.trim());
                    } catch (RuntimeException e) {
                        answer = "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    System.err.println("lab-es: control '" + line + "' -> " + answer);
                    out.println(answer);
                } catch (IOException e) {
                    System.err.println("lab-es: control: " + e);
                }
            }
        }
    }

    private static synchronized String handle(ElasticsearchClusterRunner runner, String line) {
        String[] w = line.split("\\s+");
        switch (w[0]) {
            case "status": {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < NODES; i++) {
                    Node n = runner.getNode(i);
                    sb.append(i == 0 ? "" : " ").append("node-").append(i + 1)
                            .append(n == null || n.isClosed() ? " down" : " up");
                }
                return sb.toString();
            }
            case "stop":
            case "start": {
                int i = nodeIndex(w);
                if (i < 0) {
                    return "error usage: " + w[0] + " N (N = 1.." + NODES + ")";
                }
                Node n = runner.getNode(i);
                boolean up = n != null && !n.isClosed();
                if (w[0].equals("stop")) {
                    if (!up) {
                        return "ok node-" + (i + 1) + " already down";
                    }
                    try {
                        n.close();
                        n.awaitClose(30, TimeUnit.SECONDS);
                    } catch (IOException | InterruptedException e) {
                        return "error stop node-" + (i + 1) + ": " + e;
                    }
                    return "ok node-" + (i + 1) + " stopped";
                }
                if (up) {
                    return "ok node-" + (i + 1) + " already up";
                }
                return runner.startNode(i) ? "ok node-" + (i + 1) + " started" : "error node-" + (i + 1) + " did not start";
            }
            default:
                return "error unknown command '" + line + "' (status | stop N | start N)";
        }
    }

    private static int nodeIndex(String[] w) {
        if (w.length != 2) {
            return -1;
        }
        String s = w[1].startsWith("node-") ? w[1].substring(5) : w[1];
        try {
            int n = Integer.parseInt(s);
            return n >= 1 && n <= NODES ? n - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
