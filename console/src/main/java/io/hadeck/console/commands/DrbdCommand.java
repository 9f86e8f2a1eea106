package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.output.ModelJson;
import io.hadeck.files.BoundedText;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.Table;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.NodeView;
import io.hadeck.parse.DrbdText;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "drbd", mixinStandardHelpOptions = true, description = "DRBD views.",
        subcommands = {DrbdCommand.Status.class, DrbdCommand.Parse.class,
                io.hadeck.console.commands.action.DrbdRecoverCommand.class})
public class DrbdCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Each DRBD node's resources as read from /proc/drbd or drbdadm status.")
    public static class Status extends DataCommand {
        @Parameters(arity = "0..1", paramLabel = "NODE", description = "Only this node.")
        String node;

        @Override
        public Integer call() {
            ClusterSnapshot s = snapshot();
            Table t = new Table("NODE", "MINOR", "RESOURCE", "CS", "ROLE", "PEER", "DS", "OOS_KIB", "SYNC", "ERROR");
            List<Object> nodes = new ArrayList<>();
            for (NodeView n : s.nodes()) {
                if (n.drbd() == null || (node != null && !node.equals(n.name()))) {
                    continue;
                }
                if (!n.drbd().isOk()) {
                    t.row(n.name(), null, null, null, null, null, null, null, null, n.drbd().error());
                } else {
                    n.drbd().value().resources().forEach(r -> t.row(n.name(), r.minor(), n.drbd().value().label(r), r.connection(), r.role(),
                            r.peerRole(), r.disk() + "/" + r.peerDisk(), r.outOfSyncKiB(), sync(r), null));
                }
                nodes.add(Obj.of().put("node", n.name()).put("reachable", n.drbd().isOk()).put("error", n.drbd().error())
                        .put("version", n.drbd().isOk() ? n.drbd().value().version() : null)
                        .put("resources", n.drbd().isOk() ? resources(n.drbd().value()) : List.of()).map());
            }
            if (node != null && nodes.isEmpty()) {
                throw CommandException.usage("no DRBD node '" + node + "' in cluster " + s.cluster());
            }
            print(Result.of(nodes, t.isEmpty() ? "no DRBD nodes in cluster " + s.cluster() + "\n" : t.render()));
            return exitFor(s, ExitCode.OK);
        }
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = {"Parse DRBD text (/proc/drbd of 8.3/8.4, or DRBD 9 drbdadm status) from a file or stdin.",
                    "Needs no configuration: useful on a box hadeck cannot reach."})
    public static class Parse extends DataCommand {
        @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "-", description = "File to read, - for stdin (default).")
        String file;

        @Override
        public Integer call() {
            DrbdStatus st = DrbdText.parse(read(file));
            Table t = new Table("MINOR", "RESOURCE", "CS", "ROLE", "PEER", "DISK", "PEER_DISK", "OOS_KIB", "SYNC");
            st.resources().forEach(r -> t.row(r.minor(), r.name(), r.connection(), r.role(), r.peerRole(), r.disk(),
                    r.peerDisk(), r.outOfSyncKiB(), sync(r)));
            String head = st.version() == null ? "" : "version: " + st.version() + "\n";
            print(Result.of(Obj.of().put("version", st.version()).put("resources", resources(st)).map(), head + t.render()));
            return ExitCode.OK;
        }

        /** Bounded and text only: {@code /dev/zero} is one line and exit 2, not an OutOfMemoryError. */
        private static String read(String file) {
            try {
                if (file.equals("-")) {
                    return BoundedText.read(System.in, "stdin", BoundedText.PARSE_LIMIT);
                }
                return BoundedText.read(Path.of(file), BoundedText.PARSE_LIMIT);
            } catch (BoundedText.Refused e) {
                throw CommandException.usage(e.getMessage());
            } catch (NoSuchFileException e) {
                throw CommandException.usage("no such file: " + file);
            } catch (IOException e) {
                throw CommandException.usage("cannot read " + file + ": " + e.getClass().getSimpleName());
            }
        }
    }

    static List<Object> resources(DrbdStatus st) {
        return st.resources().stream().map(r -> (Object) ModelJson.drbdResource(r)).toList();
    }

    static String sync(DrbdResource r) {
        if (r.sync() == null) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%.1f%%", r.sync().percent())
                + (r.sync().finishSeconds() == null ? "" : " eta " + r.sync().finishSeconds() + "s");
    }
}
