package io.collectflow.agency;

import java.time.LocalDate;

import io.collectflow.web.InvalidFieldException;

/** The outcome of a qualification review: licence, rating (1–5), signed NDA and whether the review passed. */
public record AgencyReview(String licenceNo, LocalDate licenceExpiresOn, Integer rating, Boolean ndaSigned,
        Boolean qualified) {

    /**
     * Checks the review; throws {@link InvalidFieldException} naming the first bad field. A review cannot
     * pass for an agency without a signed NDA or with a licence that has expired by {@code today}.
     */
    public void validate(LocalDate today) {
        if (licenceNo == null || licenceNo.isBlank()) {
            throw new InvalidFieldException("licenceNo", "required");
        }
        if (licenceNo.length() > 64) {
            throw new InvalidFieldException("licenceNo", "at most 64 characters");
        }
        if (licenceExpiresOn == null) {
            throw new InvalidFieldException("licenceExpiresOn", "required (yyyy-MM-dd)");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidFieldException("rating", "required, 1 (poor) to 5 (excellent)");
        }
        if (ndaSigned == null) {
            throw new InvalidFieldException("ndaSigned", "required (true or false)");
        }
        if (qualified == null) {
            throw new InvalidFieldException("qualified", "required (true or false)");
        }
        if (qualified && !ndaSigned) {
            throw new InvalidFieldException("qualified", "an agency without a signed NDA cannot pass the review");
        }
        if (qualified && licenceExpiresOn.isBefore(today)) {
            throw new InvalidFieldException("qualified",
                "the licence expired on " + licenceExpiresOn + "; an agency with an expired licence cannot pass the review");
        }
    }
}
