package io.collectflow.agency;

import java.time.LocalDate;

/** A registered collection agency. */
public record Agency(String code, String name, String licenceNo, LocalDate licenceExpiresOn, int rating,
        boolean ndaSigned, boolean qualified, String groupId) {

    /** May receive placements on {@code day}: review passed, NDA signed, licence valid. */
    public boolean eligibleOn(LocalDate day) {
        return qualified && ndaSigned && !licenceExpiresOn.isBefore(day);
    }
}
