package io.hadeck.console.doctor;

/**
 * One thing `hadeck doctor` found wrong: where, what, and what to do about it, printed as one line.
 *
 * @param where the cluster and node(s) or file it concerns
 */
public record DoctorCheck(String where, String problem, String fix) {

    /** From a refusal that ends "; fix it: COMMAND" (FileModes, KnownHosts): the problem and the fix apart. */
    public static DoctorCheck of(String where, String refusal) {
        int at = refusal.indexOf(FIX);
        return at < 0 ? new DoctorCheck(where, refusal, "")
                : new DoctorCheck(where, refusal.substring(0, at), refusal.substring(at + FIX.length()));
    }

    private static final String FIX = "; fix it: ";

    /** The same check with {@code where} no longer starting with the cluster's name. */
    public DoctorCheck withoutCluster(String cluster) {
        return where.equals(cluster) ? new DoctorCheck("", problem, fix)
                : where.startsWith(cluster + " ") ? new DoctorCheck(where.substring(cluster.length() + 1), problem, fix) : this;
    }

    /** The check said for these clusters: "lab, chef node-3 etcd". */
    public DoctorCheck inClusters(java.util.List<String> clusters) {
        String names = String.join(", ", clusters);
        return new DoctorCheck(where.isEmpty() ? names : names + " " + where, problem, fix);
    }

    public String line(String mark, String arrow) {
        return mark + " " + where + ": " + problem + (fix == null || fix.isEmpty() ? "" : " " + arrow + " " + fix);
    }
}
