package io.hadeck.console.doctor;

/**
 * One thing `hadeck doctor` found wrong: where, what, and what to do about it, printed as one line.
 *
 * @param where the cluster and node(s) or file it concerns
 */
public record DoctorCheck(String where, String problem, String fix) {

    public String line(String mark, String arrow) {
        return mark + " " + where + ": " + problem + (fix == null || fix.isEmpty() ? "" : " " + arrow + " " + fix);
    }
}
