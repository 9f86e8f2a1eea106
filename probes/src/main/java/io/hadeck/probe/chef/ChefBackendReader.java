package io.hadeck.probe.chef;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.HaState;
import io.hadeck.probe.FirstAnswer;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Chef Backend's leaderl state: {@code chef-backend-ctl cluster-status --json} run over ssh on
 * every node at once, first answer wins; its shape is mapped in {@link ChefBackendStatusMapping} alone.
 */
public class ChefBackendReader extends Probe<HaState> {


    private final ClusterConfig cluster;
    private final SshRunner ssh;

    public ChefBackendReader(ClusterConfig cluster, SshRunner ssh, Clock clock) {
        super(cluster.timeouts().read(), clock);
        this.cluster = cluster;
        this.ssh = ssh;
    }

    @Override
    protected HaState fetch() throws Exception {
        List<Callable<HaState>> asks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (NodeConfig n : cluster.nodes()) {
            if (n.runsDrbd()) {
                continue;
            }
            NodeTarget t = NodeTarget.of(cluster, n);
            List<String> command = new ArrayList<>(cluster.chefBackend().ctl());
            command.addAll(List.of("cluster-status", "--json"));
            asks.add(() -> {
                SshRunner.Result r = ssh.run(t, command, timeout());
                if (!r.ok()) {
                    throw new ProbeException(r.failureText());
                }
                return ChefBackendStatusMapping.state(r.stdout());
            });
            labels.add(n.name());
        }
        return FirstAnswer.of(asks, labels, timeout(), "Chef Backend");
    }
}
