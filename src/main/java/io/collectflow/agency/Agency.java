package io.collectflow.agency;

import java.time.LocalDate;

/**
 * A registered collection agency with its latest qualification review (C4).
 *
 * @param suspended       suspended by a manager: no new placements until reinstated
 * @param suspendedReason why, when suspended
 */
public record Agency(String code, String name, String licenceNo, LocalDate licenceExpiresOn, int rating,
        boolean ndaSigned, boolean qualified, String groupId, boolean suspended, String suspendedReason) {

    /** An agency that is not suspended. */
    public Agency(String code, String name, String licenceNo, LocalDate licenceExpiresOn, int rating,
            boolean ndaSigned, boolean qualified, String groupId) {
        this(code, name, licenceNo, licenceExpiresOn, rating, ndaSigned, qualified, groupId, false, null);
    }

    /** May receive placements on {@code day}: review passed, NDA signed, licence valid, not suspended. */
    public boolean eligibleOn(LocalDate day) {
        return qualified && ndaSigned && !suspended && !licenceExpiresOn.isBefore(day);
    }

    /** Why the agency may not receive placements on {@code day}; null when it may. */
    public String ineligibility(LocalDate day) {
        if (suspended) {
            return "suspended" + (suspendedReason == null ? "" : ": " + suspendedReason);
        }
        if (!qualified) {
            return "qualification review not passed";
        }
        if (!ndaSigned) {
            return "no signed NDA";
        }
        return licenceExpiresOn.isBefore(day) ? "licence expired on " + licenceExpiresOn : null;
    }
}
