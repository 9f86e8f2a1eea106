package io.hadeck.actions.patroni;

import io.hadeck.units.Sizes;
import io.hadeck.model.HaMember;
import io.hadeck.model.Lsn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a force-leader candidate's replayed WAL stands against every other standby hadeck can
 * read (PgFacts.position): which of them hold WAL the candidate lacks, and by how much. Whatever a
 * readable standby has replayed beyond the candidate is lost when the candidate leads; promoting
 * the most advanced one loses none of it. Pure.
 *
 * @param mine       the candidate's position, null when its PostgreSQL could not be read as a standby
 * @param ahead      readable standbys ahead of the candidate, most advanced first
 * @param unreadable other nodes whose PostgreSQL could not be read, with why: "node-1 (connection refused)"
 * @param positions  every node's position for the plan: "node-2 0/5000000 (candidate); node-3 0/5300000; node-1 unreachable"
 */
record ReplayRanking(String candidate, Lsn mine, List<Ahead> ahead, List<String> unreadable, String positions) {

    /** A standby ahead of the candidate by {@code bytes}; {@code failoverAllowed} false when tagged nofailover. */
    record Ahead(String node, Lsn position, long bytes, boolean failoverAllowed) {
    }

    static ReplayRanking of(PgFacts f, String candidate) {
        Lsn mine = f.pg(candidate).filter(p -> !p.isPrimary()).flatMap(p -> f.position(candidate)).orElse(null);
        List<Ahead> ahead = new ArrayList<>();
        if (mine != null) {
            for (String n : f.readableStandbys()) {
                f.position(n).filter(p -> !n.equals(candidate) && p.compareTo(mine) > 0).ifPresent(p -> ahead.add(
                        new Ahead(n, p, p.minus(mine), f.ha().flatMap(ha -> ha.member(n)).map(HaMember::failoverAllowed)
                                .orElse(false))));
            }
            ahead.sort(Comparator.comparing(Ahead::position).reversed());
        }
        List<String> unreadable = f.unreadablePostgres().stream().filter(n -> !n.equals(candidate))
                .map(n -> n + " (" + f.pgError(n) + ")").toList();
        String positions = f.nodes().stream().filter(n -> f.pg(n).isPresent() || f.pgError(n) != null)
                .map(n -> n + " " + f.position(n).map(Lsn::toString).orElse("unreachable")
                        + (n.equals(candidate) ? " (candidate)" : f.isPrimary(n) ? " (primary)" : ""))
                .collect(Collectors.joining("; "));
        return new ReplayRanking(candidate, mine, List.copyOf(ahead), unreadable, positions);
    }

    boolean candidateIsBehind() {
        return !ahead.isEmpty();
    }

    /**
     * "node-3 is 3 MiB ahead of node-2 (0/5300000 vs 0/5000000): force-leader node-3 loses nothing
     * of that; node-2 would lose it." Null when no readable standby is ahead of the candidate.
     */
    String lossSentence() {
        if (ahead.isEmpty()) {
            return null;
        }
        Ahead best = ahead.get(0);
        StringBuilder b = new StringBuilder(best.node() + " is " + Sizes.bytes(best.bytes()) + " ahead of " + candidate
                + " (" + best.position() + " vs " + mine + "): force-leader " + best.node() + " loses nothing of that; "
                + candidate + " would lose it");
        if (!best.failoverAllowed()) {
            b.append(" (").append(best.node()).append(" is excluded from failover: hadeck set-node-failover ")
                    .append(best.node()).append(" on first)");
        }
        for (Ahead other : ahead.subList(1, ahead.size())) {
            b.append("; ").append(other.node()).append(" is ").append(Sizes.bytes(other.bytes())).append(" ahead too (")
                    .append(other.position()).append(")");
        }
        return b.append('.').toString();
    }

    /** The reason of the plan's "replay positions" check, which passes: a loss is the data-loss warning's business. */
    String checkReason() {
        if (mine == null) {
            return "the candidate's replay position is unknown";
        }
        if (!ahead.isEmpty()) {
            return ahead.get(0).node() + " is ahead of " + candidate + ": see the data-loss warning (force-leader "
                    + ahead.get(0).node() + " instead, or accept the loss)";
        }
        String s = candidate + " has replayed the most WAL of the standbys hadeck can read";
        return unreadable.isEmpty() ? s : s + "; " + String.join(", ", unreadable) + " could not be read: what "
                + (unreadable.size() == 1 ? "it holds" : "they hold") + " that " + candidate
                + " lacks cannot be measured from here and is lost";
    }
}
