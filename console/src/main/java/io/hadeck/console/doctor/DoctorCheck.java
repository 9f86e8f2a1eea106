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

    public String line(String mark, String arrow) {
        return mark + " " + where + ": " + problem + (fix == null || fix.isEmpty() ? "" : " " + arrow + " " + fix);
    }
}
